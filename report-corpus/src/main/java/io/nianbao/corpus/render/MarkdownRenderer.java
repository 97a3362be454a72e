package io.nianbao.corpus.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ActiveField;
import io.nianbao.template.ActiveRow;
import io.nianbao.template.Template;

/**
 * A report as PDF-to-Markdown tools write it (DOMAIN.md §4.5): the title over two lines, section headings as
 * {@code ##}, every table as a pipe table whose merged cells are empty cells, and a table broken at a page: the page
 * footer (「— 4 —」) and the table's caption repeated inside it, the rest continued as a new pipe table. Section
 * 三's row that opens a new page loses its label: the tool writes it as loose text above the table, the row keeps
 * only its figures (real page {@code shanghai-office-2025.md}). Section 二's document cells that carry a note (「22
 * （其中修订16件）」, two lines in the PDF) are floated out the same way, figure and note on lines of their own,
 * and their row keeps only its one-line cells: fewer figures than columns, with nothing where the floated ones stood.
 */
final class MarkdownRenderer {
    /** A page ends after this many table rows. */
    private static final int ROWS_PER_PAGE = 12;
    /** Section 三's table: three label columns and seven figures. */
    private static final int APPLICATION_COLUMNS = 10;
    private static final int LABEL_COLUMNS = 3;
    /** Section 二's table: the label column and three value columns. */
    private static final int ACTIVE_COLUMNS = 4;

    private MarkdownRenderer() {
    }

    static String render(Document document, ParsedReport truth) {
        StringBuilder markdown = new StringBuilder();
        String title = ((Heading) document.blocks().get(0)).text();
        int at = title.indexOf("工作年度报告");
        markdown.append(at > 0 ? title.substring(0, at) + "\n" + title.substring(at) : title).append("\n\n");
        int page = 1;
        int tables = 0;
        for (Block block : document.blocks().subList(1, document.blocks().size())) {
            if (block instanceof Heading heading) {
                markdown.append("## ").append(heading.text()).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                markdown.append(paragraph.text()).append("\n\n");
            } else if (block instanceof Table table) {
                String caption = "## 表" + (++tables);
                boolean applications = table.columns() == APPLICATION_COLUMNS;
                String notedTemplate = table.columns() == ACTIVE_COLUMNS ? truth.getTemplate() : null;
                List<String> pushedAway = new ArrayList<>();
                List<String> rows = rows(table, applications, notedTemplate, pushedAway);
                pushedAway.forEach(label -> markdown.append(label).append('\n'));
                for (int r = 0; r < rows.size(); r++) {
                    if (r % ROWS_PER_PAGE == 0) {
                        if (r > 0) {
                            markdown.append("— ").append(++page).append(" —\n").append(caption).append("\n");
                        }
                        markdown.append(rows.get(r)).append('\n').append(delimiter(table.columns())).append('\n');
                    } else {
                        markdown.append(rows.get(r)).append('\n');
                    }
                }
                markdown.append('\n');
            }
        }
        return markdown.toString();
    }

    /**
     * Each grid row as a pipe row; a position a merged cell covers is an empty cell.
     *
     * @param notedTemplate the template of section 二's table, whose document cells may carry notes; null for others
     * @param pushedAway    gets the labels taken from section 三's rows that open a page, which print empty there, and
     *                      section 二's noted cells, which print nowhere in their row
     */
    private static List<String> rows(Table table, boolean applications, String notedTemplate,
            List<String> pushedAway) {
        List<String> rows = new ArrayList<>();
        Grid.Slot[][] grid = Grid.of(table);
        for (int r = 0; r < grid.length; r++) {
            boolean opensPage = applications && r > 0 && r % ROWS_PER_PAGE == 0;
            List<ActiveField> noted = notedTemplate == null ? List.of()
                    : ActiveRow.recognise(grid[r][0].cell().text())
                            .filter(row -> row == ActiveRow.REGULATIONS || row == ActiveRow.NORMATIVE_DOCUMENTS)
                            .map(row -> Template.orCurrent(notedTemplate).activeFields(row)).orElse(List.of());
            StringBuilder row = new StringBuilder("|");
            for (int c = 0; c < grid[r].length; c++) {
                Grid.Slot slot = grid[r][c];
                boolean first = slot != null && slot.top() && slot.left();
                String text = first ? slot.cell().text() : "";
                if (opensPage && c < LABEL_COLUMNS && !text.isEmpty()) {
                    pushedAway.add(text);
                    text = "";
                }
                Optional<String> note = note(noted, c, text);
                if (note.isPresent()) {
                    pushedAway.add(text + "\n" + note.get());
                    continue;
                }
                row.append(' ').append(text).append(" |");
            }
            rows.add(row.toString());
        }
        return rows;
    }

    /**
     * The note a document row's cell carries in column {@code c} (0 is the label; {@code fields} are the row's
     * columns, none for a row that is no document row): a part of what was issued (「（其中修订 3 件）」) or repealed
     * (「（含自然失效 2 件）」), whenever the figure is big enough to have one; empty otherwise.
     */
    private static Optional<String> note(List<ActiveField> fields, int c, String printed) {
        if (c == 0 || c > fields.size() || printed.isEmpty()) {
            return Optional.empty();
        }
        int part = Integer.parseInt(printed) / 2;
        if (part == 0) {
            return Optional.empty();
        }
        return switch (fields.get(c - 1)) {
            case ISSUED -> Optional.of("（其中修订 " + part + " 件）");
            case REPEALED -> Optional.of("（含自然失效 " + part + " 件）");
            default -> Optional.empty();
        };
    }

    private static String delimiter(int columns) {
        return "|" + "---|".repeat(columns);
    }
}
