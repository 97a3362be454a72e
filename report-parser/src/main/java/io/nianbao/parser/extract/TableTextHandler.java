package io.nianbao.parser.extract;

import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into text the table readers understand: a table row per line with tab-separated cells, and a
 * line per block element. Inside a cell, line breaks and paragraphs become spaces so that a label wrapped inside
 * one cell stays in that cell.
 */
final class TableTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4",
            "h5", "h6", "pre", "blockquote", "section", "article", "dt", "dd");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title");

    private final StringBuilder text = new StringBuilder();
    private final int maxCharacters;
    private int cellDepth;
    private int skippedDepth;

    /** @param maxCharacters past this much text the parse stops: a report is tens of thousands of characters */
    TableTextHandler(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** Thrown when the document holds more text than any annual report, so memory stays bounded. */
    static final class TextLimitReached extends SAXException {
        TextLimitReached(int limit) {
            super("the document holds more than " + limit + " characters of text, far more than an annual report");
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name)) {
            skippedDepth++;
        } else if (name.equals("td") || name.equals("th")) {
            cellDepth++;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name)) {
            skippedDepth--;
        } else if (name.equals("td") || name.equals("th")) {
            cellDepth--;
            text.append('\t');
        } else if (BLOCKS.contains(name)) {
            text.append(cellDepth > 0 && !name.equals("tr") && !name.equals("table") ? ' ' : '\n');
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skippedDepth > 0) {
            return;
        }
        if (text.length() + length > maxCharacters) {
            throw new TextLimitReached(maxCharacters);
        }
        if (cellDepth > 0) {
            for (int i = start; i < start + length; i++) {
                text.append(ch[i] == '\n' || ch[i] == '\r' || ch[i] == '\t' ? ' ' : ch[i]);
            }
        } else {
            text.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    String text() {
        return text.toString();
    }
}
