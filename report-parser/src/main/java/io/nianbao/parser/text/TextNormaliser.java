package io.nianbao.parser.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns extracted text into one canonical form every reader can rely on: half-width digits and ASCII punctuation
 * (NFKC folds full-width forms and the ideographic space), Unix line ends, no markdown heading or bold markers
 * (PDF→text converters add them), and no page-number debris lines. Tabs are kept: they separate table cells.
 */
public final class TextNormaliser {
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s*#{1,6}\\s*");
    private static final Pattern MARKDOWN_BOLD = Pattern.compile("\\*\\*");
    /** 「- 3 -」「— 3 —」「第 3 页」「第3页 共10页」「3 / 10」「Page 3 of 10」: page furniture, never content. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:[-—–]\\s*\\d{1,4}\\s*[-—–]|第\\s*\\d{1,4}\\s*页(?:\\s*[,/]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}|(?i:page)\\s*\\d{1,4}(?:\\s*(?i:of)\\s*\\d{1,4})?)\\s*$");
    private static final String PAGE_NUMBER_OPENINGS = "-—–第0123456789pP";

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        String folded = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFKC)
                .replace('\u00A0', ' ')
                .replace("\uFEFF", "");
        List<String> kept = new ArrayList<>();
        for (String line : folded.split("\n", -1)) {
            if (mayBePageNumber(line) && PAGE_NUMBER.matcher(line).matches()) {
                continue;
            }
            // Each pattern needs its character in the line; most lines have none, and skip the matchers.
            String cleaned = line.indexOf('#') < 0 ? line : MARKDOWN_HEADING.matcher(line).replaceFirst("");
            cleaned = cleaned.contains("**") ? MARKDOWN_BOLD.matcher(cleaned).replaceAll("") : cleaned;
            cleaned = cleaned.indexOf('\t') < 0 ? cleaned : withoutSpacesAroundTabs(cleaned);
            kept.add(stripTrailing(cleaned));
        }
        return String.join("\n", kept).strip();
    }

    /** Spaces (not tabs) around a tab are padding from the extractor: what {@code " *\t *"} → tab would do. */
    private static String withoutSpacesAroundTabs(String line) {
        StringBuilder cleaned = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                while (!cleaned.isEmpty() && cleaned.charAt(cleaned.length() - 1) == ' ') {
                    cleaned.setLength(cleaned.length() - 1);
                }
                while (i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                    i++;
                }
            }
            cleaned.append(c);
        }
        return cleaned.toString();
    }

    /** Page furniture opens (after whitespace) with a dash, 第, a digit or 「page」: other lines need no matcher. */
    private static boolean mayBePageNumber(String line) {
        int first = 0;
        while (first < line.length() && isRegexWhitespace(line.charAt(first))) {
            first++;
        }
        return first < line.length() && PAGE_NUMBER_OPENINGS.indexOf(line.charAt(first)) >= 0;
    }

    /** Regex {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Trailing spaces only: tabs are cell boundaries and stay. */
    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * A label as written, for matching: all whitespace removed (extractors split labels with spaces: 「商业 企业」).
     * Whitespace is regex {@code \s}. A loop, not {@code replaceAll}: every line of a report passes here, and a
     * regex would be compiled for each.
     */
    public static String compact(String text) {
        char[] compact = text.toCharArray();
        int length = 0;
        for (char c : compact) {
            if (!isRegexWhitespace(c)) {
                compact[length++] = c;
            }
        }
        return length == compact.length ? text : new String(compact, 0, length);
    }
}
