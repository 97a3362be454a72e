package io.nianbao.parser.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown as PDF-to-Markdown tools write it: every pipe table read as its grid ({@link GridText}), so a cell printed
 * blank keeps its column, and every other line as it is; a table broken by a page (the footer 「— 4 —」 and the caption
 * repeated between its parts) is read as one. Such tools pad a row with empty cells to the widest row of its table
 * (「| 1.属于国家秘密 | 4 | … | 4 |  |」): empty cells after a row's last printed cell are that padding.
 */
final class MarkdownTables {
    /** The delimiter row under a header: 「|---|:---:|」. */
    private static final Pattern DELIMITER_ROW = Pattern.compile("\\|?(?:\\s*:?-{2,}:?\\s*\\|)+\\s*:?-*:?\\s*");
    private static final Pattern PIPE_ROW = Pattern.compile("\\|.*\\|");
    /** What a converter leaves where a page broke a table: a blank line, the page footer, the caption repeated. */
    private static final Pattern FOOTER = Pattern.compile("[-—–－]\\s*\\d{1,3}\\s*[-—–－]|第\\s*\\d{1,3}\\s*页.*");
    private static final Pattern PAGE_BREAK = Pattern.compile("|#{1,6}\\s.*|" + FOOTER.pattern());

    private MarkdownTables() {
    }

    /** Whether the text holds a pipe table: a delimiter row is what makes one. */
    static boolean hasPipeTable(String text) {
        // Most reports hold no pipe at all: no need to cut them into lines.
        return text.indexOf('|') >= 0
                && text.lines().anyMatch(line -> line.contains("--") && DELIMITER_ROW.matcher(line.strip()).matches());
    }

    /** @throws GridText.TextLimitException when the text is more than any annual report */
    static String text(String markdown, int maxCharacters) throws GridText.TextLimitException {
        GridText text = new GridText(maxCharacters);
        List<List<SpannedCell>> table = new ArrayList<>();
        List<String> between = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.strip();
            if (PIPE_ROW.matcher(stripped).matches()) {
                // A table continued after a page footer is one table: the footer and repeated caption between go.
                if (!between.isEmpty() && between.stream().noneMatch(held -> FOOTER.matcher(held.strip()).matches())) {
                    text.table(table);
                    table = new ArrayList<>();
                    for (String held : between) {
                        text.append(held + "\n");
                    }
                }
                between.clear();
                if (!DELIMITER_ROW.matcher(stripped).matches()) {
                    table.add(cells(stripped));
                }
                continue;
            }
            if (!table.isEmpty() && PAGE_BREAK.matcher(stripped).matches()) {
                between.add(line);
                continue;
            }
            if (!table.isEmpty()) {
                text.table(table);
                table = new ArrayList<>();
            }
            for (String held : between) {
                text.append(held + "\n");
            }
            between.clear();
            text.append(line + "\n");
        }
        if (!table.isEmpty()) {
            text.table(table);
        }
        for (String held : between) {
            text.append(held + "\n");
        }
        return text.text();
    }

    /** The row's cells between its outer pipes, without the padding after the last printed one. */
    private static List<SpannedCell> cells(String row) {
        String[] parts = row.substring(1, row.length() - 1).split("\\|", -1);
        int last = parts.length - 1;
        while (last >= 0 && parts[last].isBlank()) {
            last--;
        }
        List<SpannedCell> cells = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            cells.add(new SpannedCell(parts[i], 1, 1));
        }
        return cells;
    }
}
