package io.nianbao.parser.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document read from its own structure: paragraphs as lines, and every table as its grid ({@link GridText}),
 * with merged cells as Word stores them. DOCX marks them (gridSpan across, vMerge restart/continue down); the
 * binary DOC format only gives each cell's left edge and width, so its columns are the distinct edges of the table.
 */
final class WordTables {
    /** Word's control marks: cell and row ends (\u0007), field marks, page breaks. */
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000b-\\u001f]");

    private WordTables() {
    }

    static String docx(byte[] content, int maxCharacters) throws IOException, GridText.TextLimitException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            GridText text = new GridText(maxCharacters);
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    text.append(paragraph.getText() + "\n");
                } else if (element instanceof XWPFTable table) {
                    text.table(rows(table));
                } else if (element instanceof XWPFSDT control) {
                    text.append(control.getContent().getText() + "\n");
                }
            }
            return text.text();
        }
    }

    static String doc(byte[] content, int maxCharacters) throws IOException, GridText.TextLimitException {
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(content))) {
            GridText text = new GridText(maxCharacters);
            Range range = document.getRange();
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph paragraph = range.getParagraph(i);
                if (paragraph.isInTable()) {
                    Table table = range.getTable(paragraph);
                    text.table(rows(table));
                    i += table.numParagraphs() - 1;
                } else {
                    text.append(plain(paragraph.text()) + "\n");
                }
            }
            return text.text();
        }
    }

    /** A DOCX row's cells at their grid columns; a vMerge restart spans down over the continuing cells below. */
    private static List<List<SpannedCell>> rows(XWPFTable table) {
        List<XWPFTableRow> rows = table.getRows();
        List<List<SpannedCell>> grid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<SpannedCell> cells = new ArrayList<>();
            int column = 0;
            for (XWPFTableCell cell : rows.get(r).getTableCells()) {
                int colspan = gridSpan(cell);
                Merge merge = merge(cell);
                if (merge != Merge.CONTINUE) {
                    int rowspan = 1;
                    while (merge == Merge.RESTART && r + rowspan < rows.size()
                            && merge(cellAt(rows.get(r + rowspan), column)) == Merge.CONTINUE) {
                        rowspan++;
                    }
                    cells.add(new SpannedCell(cell.getText(), rowspan, colspan));
                }
                column += colspan;
            }
            grid.add(cells);
        }
        return grid;
    }

    private enum Merge { NONE, RESTART, CONTINUE }

    private static Merge merge(XWPFTableCell cell) {
        CTTcPr properties = cell == null ? null : cell.getCTTc().getTcPr();
        if (properties == null || !properties.isSetVMerge()) {
            return Merge.NONE;
        }
        // A vMerge without a value continues the merge above (ECMA-376 §17.4.85).
        return properties.getVMerge().isSetVal() && properties.getVMerge().getVal() == STMerge.RESTART
                ? Merge.RESTART : Merge.CONTINUE;
    }

    private static int gridSpan(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        return properties != null && properties.isSetGridSpan()
                ? Math.max(1, Math.min(properties.getGridSpan().getVal().intValue(), GridText.MAX_SPAN)) : 1;
    }

    private static XWPFTableCell cellAt(XWPFTableRow row, int gridColumn) {
        int column = 0;
        for (XWPFTableCell cell : row.getTableCells()) {
            if (column == gridColumn) {
                return cell;
            }
            column += gridSpan(cell);
            if (column > gridColumn) {
                return null;
            }
        }
        return null;
    }

    /** A DOC row's cells, spans measured in the table's columns (its distinct cell edges). */
    private static List<List<SpannedCell>> rows(Table table) {
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<List<SpannedCell>> grid = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<SpannedCell> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                boolean covered = (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged())
                        || (cell.isMerged() && !cell.isFirstMerged());
                if (covered) {
                    continue;
                }
                int colspan = edges.subSet(cell.getLeftEdge(), cell.getLeftEdge() + cell.getWidth()).size();
                int rowspan = 1;
                while (cell.isFirstVerticallyMerged() && r + rowspan < table.numRows()
                        && continuesBelow(table.getRow(r + rowspan), cell.getLeftEdge())) {
                    rowspan++;
                }
                cells.add(new SpannedCell(plain(cell.text()), rowspan, colspan));
            }
            grid.add(cells);
        }
        return grid;
    }

    private static boolean continuesBelow(TableRow row, int leftEdge) {
        for (int c = 0; c < row.numCells(); c++) {
            TableCell cell = row.getCell(c);
            if (cell.getLeftEdge() == leftEdge) {
                return cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
            }
        }
        return false;
    }

    /** DOC text without its field codes and control marks. */
    private static String plain(String text) {
        return CONTROL.matcher(Range.stripFields(text)).replaceAll(" ").replace('\r', '\n').strip();
    }
}
