package io.nianbao.parser.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Document text the table readers understand, bounded in size: lines as they are, and every table as its grid, a
 * row per line with tab-separated cells. A label cell spanning rows (the vertical 「三、本年度办理结果」, 「（三）不予公开」
 * over its eight items) is repeated on every row it spans, so each row carries its full label; a value cell spanning
 * rows or columns is one value and stands once, never copied into a second cell.
 */
final class GridText {
    /** A value cell: a number, an amount, or a placeholder for none (「—」「-」「/」「无」). */
    private static final Pattern VALUE = Pattern.compile("[+\\-]?[\\d,.]+\\s*(?:万元|元)?|[—\\-/－–]+|无");
    /** Spans beyond this are malformed markup, not a table. */
    static final int MAX_SPAN = 200;
    /** Line breaks inside a cell (a label wrapped in its cell) are spaces: the cell stays on its row's line. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int maxCharacters;
    private final StringBuilder text = new StringBuilder();

    GridText(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    static final class TextLimitException extends Exception {
        TextLimitException(int limit) {
            super("the document holds more than " + limit + " characters of text, far more than an annual report");
        }
    }

    /** @param rows each row's cells left to right, without the cells a span from above covers */
    void table(List<List<SpannedCell>> rows) throws TextLimitException {
        append("\n");
        Map<Long, String> carried = new HashMap<>();
        for (int rowIndex = 0; rowIndex < rows.size(); rowIndex++) {
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (SpannedCell cell : rows.get(rowIndex)) {
                column = takeCarried(carried, rowIndex, column, cells);
                String content = WHITESPACE.matcher(cell.text()).replaceAll(" ").strip();
                boolean label = !content.isEmpty() && !VALUE.matcher(content).matches();
                int rowspan = Math.max(1, Math.min(cell.rowspan(), MAX_SPAN));
                int colspan = Math.max(1, Math.min(cell.colspan(), MAX_SPAN));
                put(cells, column, content);
                for (int r = 1; r < rowspan; r++) {
                    for (int c = 0; c < colspan; c++) {
                        carried.put(key(rowIndex + r, column + c), label && c == 0 ? content : "");
                    }
                }
                column += colspan;
            }
            takeCarried(carried, rowIndex, column, cells);
            append(String.join("\t", cells) + "\n");
            int done = rowIndex;
            // Cells a malformed rowspan pushed past this row's end are dropped with it.
            carried.keySet().removeIf(k -> (int) (k >> 32) <= done);
        }
        append("\n");
    }

    private static int takeCarried(Map<Long, String> carried, int row, int column, List<String> cells) {
        int at = column;
        while (carried.containsKey(key(row, at))) {
            put(cells, at, carried.remove(key(row, at)));
            at++;
        }
        return at;
    }

    private static void put(List<String> cells, int column, String content) {
        while (cells.size() < column) {
            cells.add("");
        }
        cells.add(content);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }

    void append(String part) throws TextLimitException {
        if (text.length() + part.length() > maxCharacters) {
            throw new TextLimitException(maxCharacters);
        }
        text.append(part);
    }

    String text() {
        return text.toString();
    }
}
