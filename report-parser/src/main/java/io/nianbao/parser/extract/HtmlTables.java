package io.nianbao.parser.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** An HTML page read as a person sees it: paragraphs as lines, and every {@code <table>} as its grid ({@link GridText}). */
final class HtmlTables {
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "noscript");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "section", "article", "dt", "dd", "ul", "ol", "center");

    private final GridText text;

    private HtmlTables(int maxCharacters) {
        this.text = new GridText(maxCharacters);
    }

    /** A page's text with its tables as grids, and what the page says about itself. */
    record Page(String text, PageMetadata metadata) {
    }

    /** @throws GridText.TextLimitException when the page holds more text than any annual report */
    static Page read(String html, int maxCharacters) throws GridText.TextLimitException {
        HtmlTables reader = new HtmlTables(maxCharacters);
        Document page = Jsoup.parse(html);
        reader.walk(page.body());
        return new Page(reader.text.text(), PageMetadata.of(page));
    }

    private void walk(Node node) throws GridText.TextLimitException {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (child instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    continue;
                }
                if (name.equals("table")) {
                    text.table(rows(element));
                } else if (BLOCKS.contains(name)) {
                    text.append("\n");
                    walk(element);
                    text.append("\n");
                } else {
                    walk(element);
                }
            }
        }
    }

    /** The table's own rows and cells, not those of a table nested in one of its cells. */
    private static List<List<SpannedCell>> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String name = child.normalName();
            if (name.equals("tr")) {
                rows.add(child);
            } else if (name.equals("thead") || name.equals("tbody") || name.equals("tfoot")) {
                child.children().stream().filter(row -> row.normalName().equals("tr")).forEach(rows::add);
            }
        }
        List<List<SpannedCell>> grid = new ArrayList<>();
        for (Element row : rows) {
            grid.add(row.children().stream()
                    .filter(cell -> cell.normalName().equals("td") || cell.normalName().equals("th"))
                    .map(cell -> new SpannedCell(cell.text(), span(cell, "rowspan"), span(cell, "colspan")))
                    .toList());
        }
        return grid;
    }

    private static int span(Element cell, String attribute) {
        try {
            return Integer.parseInt(cell.attr(attribute).strip());
        } catch (NumberFormatException absent) {
            return 1;
        }
    }
}
