package io.nianbao.parser.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Document text the table readers understand, bounded in size: lines as they are, and every table as its grid, a
 * row per line with tab-separated cells. A label cell spanning rows (the vertical 「三、本年度办理结果」, 「（三）不予公开」
 * over its eight items) is repeated on every row it spans, so each row carries its full label; a value cell spanning
 * rows or columns is one value and stands once, never copied into a second cell. A cell printed blank among a row's
 * figures, after its label and outside the table's label columns, is {@link #BLANK_CELL}, so the row readers read
 * cells by position, not by counting numbers; a blank in a label column, or a cell a span covers, is layout.
 */
public final class GridText {
    /** A value cell: a number, an amount, or a placeholder for none (「—」「-」「/」「无」). */
    private static final Pattern VALUE = Pattern.compile("[+\\-]?[\\d,.]+\\s*(?:万元|元)?|[—\\-/－–]+|无");
    /** Spans beyond this are malformed markup, not a table. */
    static final int MAX_SPAN = 200;
    /**
     * Line breaks inside a cell (a label wrapped in its cell) are spaces: the cell stays on its row's line; a cell of
     * only {@code &nbsp;} or ideographic spaces is blank.
     */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00A0\u3000]+");
    /**
     * A table cell printed blank in a row of figures (U+2422 BLANK SYMBOL): a cell with its own column whose value is
     * null, never 0 and never a shift of its neighbours. The table readers know it ({@code TableLine}).
     */
    public static final String BLANK_CELL = "\u2422";

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
        List<List<String>> grid = new ArrayList<>();
        Map<Long, String> carried = new HashMap<>();
        for (int rowIndex = 0; rowIndex < rows.size(); rowIndex++) {
            // By grid column: the cell's text, "" for a cell printed blank, null for one a span covers.
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (SpannedCell cell : rows.get(rowIndex)) {
                column = takeCarried(carried, rowIndex, column, cells);
                String content = WHITESPACE.matcher(cell.text()).replaceAll(" ").strip();
                boolean label = !content.isEmpty() && !VALUE.matcher(content).matches();
                int rowspan = Math.max(1, Math.min(cell.rowspan(), MAX_SPAN));
                int colspan = Math.max(1, Math.min(cell.colspan(), MAX_SPAN));
                put(cells, column, content);
                for (int c = 1; c < colspan; c++) {
                    put(cells, column + c, null);
                }
                for (int r = 1; r < rowspan; r++) {
                    for (int c = 0; c < colspan; c++) {
                        carried.put(key(rowIndex + r, column + c), label && c == 0 ? content : null);
                    }
                }
                column += colspan;
            }
            takeCarried(carried, rowIndex, column, cells);
            grid.add(cells);
            int done = rowIndex;
            // Cells a malformed rowspan pushed past this row's end are dropped with it.
            carried.keySet().removeIf(k -> (int) (k >> 32) <= done);
        }
        Set<Integer> labelColumns = labelColumns(grid);
        append("\n");
        for (List<String> cells : grid) {
            append(line(cells, labelColumns) + "\n");
        }
        append("\n");
    }

    private static boolean isValue(String content) {
        return content != null && !content.isEmpty() && VALUE.matcher(content).matches();
    }

    private static boolean isLabel(String content) {
        return content != null && !content.isEmpty() && !VALUE.matcher(content).matches();
    }

    /**
     * The grid columns where a row of figures prints a label: a blank there is the label's layout (a label set in two
     * columns, the second left empty), never a figure's place.
     */
    private static Set<Integer> labelColumns(List<List<String>> grid) {
        Set<Integer> columns = new HashSet<>();
        for (List<String> cells : grid) {
            if (cells.stream().anyMatch(GridText::isValue)) {
                for (int c = 0; c < cells.size(); c++) {
                    if (isLabel(cells.get(c))) {
                        columns.add(c);
                    }
                }
            }
        }
        return columns;
    }

    /**
     * The row as one tab-separated line. In a row of figures, a cell printed blank after the row's label, outside the
     * table's label columns, is {@link #BLANK_CELL}: it keeps its column through to the row reader. Cells a span
     * covers are left out.
     */
    private static String line(List<String> cells, Set<Integer> labelColumns) {
        boolean figures = cells.stream().anyMatch(GridText::isValue);
        int lastLabel = -1;
        for (int c = 0; c < cells.size(); c++) {
            if (isLabel(cells.get(c))) {
                lastLabel = c;
            }
        }
        List<String> printed = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String content = cells.get(c);
            if (content != null) {
                boolean blank = content.isEmpty() && figures && c > lastLabel && !labelColumns.contains(c);
                printed.add(blank ? BLANK_CELL : content);
            }
        }
        return String.join("\t", printed);
    }

    private static int takeCarried(Map<Long, String> carried, int row, int column, List<String> cells) {
        int at = column;
        while (carried.containsKey(key(row, at))) {
            put(cells, at, carried.remove(key(row, at)));
            at++;
        }
        return at;
    }

    /** Columns skipped to reach {@code column} are cells the row does not have: covered, as by a span. */
    private static void put(List<String> cells, int column, String content) {
        while (cells.size() < column) {
            cells.add(null);
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
