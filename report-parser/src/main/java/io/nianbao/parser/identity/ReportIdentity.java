package io.nianbao.parser.identity;

/**
 * Who reports on which year, as printed. Every part may be null when the report does not print it.
 *
 * @param periodYear      the year of the statistics period 「从…年1月1日至…12月31日」
 * @param publicationDate ISO-8601, when the report prints its own date
 */
public record ReportIdentity(String title, String agency, Integer titleYear, Integer periodYear, Integer year,
        String publicationDate) {

    public boolean hasTitle() {
        return title != null;
    }
}
