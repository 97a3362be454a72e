package io.nianbao.corpus.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;
import io.nianbao.corpus.render.Grid.Slot;

/** A Word document with real tables: merged cells as Word stores them (gridSpan across, vMerge down). */
final class DocxRenderer {
    private DocxRenderer() {
    }

    static byte[] render(Document document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : document.blocks()) {
                if (block instanceof Heading heading) {
                    XWPFRun run = docx.createParagraph().createRun();
                    run.setBold(true);
                    run.setFontSize(14);
                    run.setText(heading.text());
                } else if (block instanceof Paragraph paragraph) {
                    docx.createParagraph().createRun().setText(paragraph.text());
                } else if (block instanceof Table table) {
                    table(docx, table);
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument docx, Table table) {
        Slot[][] grid = Grid.of(table);
        XWPFTable xwpf = docx.createTable();
        for (int r = 0; r < grid.length; r++) {
            XWPFTableRow row = r == 0 ? xwpf.getRow(0) : xwpf.createRow();
            while (!row.getTableCells().isEmpty()) {
                row.removeCell(0);
            }
            for (int c = 0; c < grid[r].length; c++) {
                Slot slot = grid[r][c];
                XWPFTableCell cell = row.addNewTableCell();
                if (slot == null) {
                    continue;
                }
                CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                if (slot.cell().colspan() > 1) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(slot.cell().colspan()));
                    c += slot.cell().colspan() - 1;
                }
                if (slot.cell().rowspan() > 1) {
                    properties.addNewVMerge().setVal(slot.top() ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph paragraph = cell.getParagraphs().get(0);
                if (slot.top()) {
                    paragraph.createRun().setText(slot.cell().text());
                }
            }
        }
    }
}
