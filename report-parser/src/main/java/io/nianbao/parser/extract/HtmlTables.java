package io.nianbao.parser.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML page read as a person sees it: paragraphs as lines, and every {@code <table>} as its grid, a row per line
 * with tab-separated cells. A label cell spanning rows (the vertical 「三、本年度办理结果」, 「（三）不予公开」 over its
 * eight items) is repeated on every row it spans, so each row carries its full label; a value cell spanning rows or
 * columns is one value and stands once, never copied into a second cell.
 */
final class HtmlTables {
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "noscript");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "section", "article", "dt", "dd", "ul", "ol", "center");
    /** A value cell: a number, an amount, or a placeholder for none (「—」「-」「/」「无」). */
    private static final Pattern VALUE = Pattern.compile("[+\\-]?[\\d,.]+\\s*(?:万元|元)?|[—\\-/－–]+|无");
    /** Spans beyond this are malformed markup, not a table. */
    private static final int MAX_SPAN = 200;

    private final int maxCharacters;
    private final StringBuilder text = new StringBuilder();

    private HtmlTables(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** @throws TextLimitException when the page holds more text than any annual report */
    static String text(String html, int maxCharacters) throws TextLimitException {
        HtmlTables reader = new HtmlTables(maxCharacters);
        reader.walk(Jsoup.parse(html).body());
        return reader.text.toString();
    }

    static final class TextLimitException extends Exception {
        TextLimitException(int limit) {
            super("the page holds more than " + limit + " characters of text, far more than an annual report");
        }
    }

    private void walk(Node node) throws TextLimitException {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                append(textNode.getWholeText());
            } else if (child instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    continue;
                }
                if (name.equals("table")) {
                    append("\n");
                    table(element);
                    append("\n");
                } else if (BLOCKS.contains(name)) {
                    append("\n");
                    walk(element);
                    append("\n");
                } else {
                    walk(element);
                }
            }
        }
    }

    private void table(Element table) throws TextLimitException {
        Map<Long, String> carried = new HashMap<>();
        int rowIndex = 0;
        for (Element row : rows(table)) {
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                while (carried.containsKey(key(rowIndex, column))) {
                    put(cells, column, carried.remove(key(rowIndex, column)));
                    column++;
                }
                String content = cell.text().strip();
                boolean label = !content.isEmpty() && !VALUE.matcher(content).matches();
                int rowspan = span(cell, "rowspan");
                int colspan = span(cell, "colspan");
                put(cells, column, content);
                for (int r = 1; r < rowspan; r++) {
                    for (int c = 0; c < colspan; c++) {
                        carried.put(key(rowIndex + r, column + c), label && c == 0 ? content : "");
                    }
                }
                column += colspan;
            }
            while (carried.containsKey(key(rowIndex, column))) {
                put(cells, column, carried.remove(key(rowIndex, column)));
                column++;
            }
            append(String.join("\t", cells) + "\n");
            int done = rowIndex++;
            // Cells a malformed rowspan pushed past this row's end are dropped with it.
            carried.keySet().removeIf(k -> (int) (k >> 32) <= done);
        }
    }

    /** The table's own rows, not those of a table nested in one of its cells. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String name = child.normalName();
            if (name.equals("tr")) {
                rows.add(child);
            } else if (name.equals("thead") || name.equals("tbody") || name.equals("tfoot")) {
                child.children().stream().filter(row -> row.normalName().equals("tr")).forEach(rows::add);
            }
        }
        return rows;
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

    private static int span(Element cell, String attribute) {
        try {
            int span = Integer.parseInt(cell.attr(attribute).strip());
            return Math.max(1, Math.min(span, MAX_SPAN));
        } catch (NumberFormatException absent) {
            return 1;
        }
    }

    private void append(String part) throws TextLimitException {
        if (text.length() + part.length() > maxCharacters) {
            throw new TextLimitException(maxCharacters);
        }
        text.append(part);
    }
}
