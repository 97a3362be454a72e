package io.nianbao.cli;

import java.util.List;

/** A plain-text table for a terminal, aligned even when cells hold Chinese, which takes two columns a character. */
final class SummaryTable {
    private static final String GAP = "  ";

    private SummaryTable() {
    }

    static String render(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = width(headers.get(column));
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        StringBuilder table = new StringBuilder();
        appendRow(table, headers, widths);
        for (List<String> row : rows) {
            appendRow(table, row, widths);
        }
        return table.toString();
    }

    private static void appendRow(StringBuilder table, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column) == null ? "-" : cells.get(column);
            line.append(cell);
            if (column < widths.length - 1) {
                line.append(" ".repeat(widths[column] - width(cell))).append(GAP);
            }
        }
        table.append(line).append('\n');
    }

    /** Terminal columns: East Asian wide and full-width characters take two. */
    static int width(String text) {
        if (text == null) {
            return 1;
        }
        return text.codePoints().map(codePoint -> isWide(codePoint) ? 2 : 1).sum();
    }

    private static boolean isWide(int codePoint) {
        return (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
