package io.nianbao.store.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * What a province's scorecard shows of one stored report, computed from its document whenever the document is
 * written (the {@link ReportDocuments#SCORECARD} sub-document): the scorecard then reads these small flat documents
 * instead of having MongoDB evaluate expressions over every whole report on every request.
 *
 * @param agencyKey      the document id without its year; a placeholder id (agency or year unknown) stands alone
 * @param late           true with a PUB-LATE finding; false when the date is known and in time; null when the
 *                       report prints no date
 * @param incomplete     a PARSE-INCOMPLETE finding or sections missing
 * @param errors         failed ERROR checks; {@code warnings} failed WARN checks
 * @param revisions      the earlier versions in the document's history
 * @param figures        per key figure, the sum of its cells that were read; null when none of them was
 */
public record ScorecardFacts(String agencyKey, Integer year, String agency, String reportId, String provinceName,
        String cityCode, String cityName, String countyCode, String countyName, String status, String publicationDate,
        Boolean late, int sectionsFound, Integer cellsRead, Integer cellsExpected, boolean incomplete, int errors,
        int warnings, boolean copyPrior, boolean copyPeer, int revisions, Map<String, Long> figures) {
    /** Every report has the template's six sections. */
    public static final int SECTIONS = 6;
    private static final String LATE_RULE = "PUB-LATE";
    private static final String INCOMPLETE_RULE = "PARSE-INCOMPLETE";
    private static final String COPY_PRIOR_RULE = "COPY-PRIOR";
    private static final String COPY_PEER_RULE = "COPY-PEER";
    // Short stored names: a scorecard reads tens of thousands of these at once, and the time it takes goes with the
    // bytes (docs/BENCHMARKS.md). Figures are stored under their keys, absent when not read.
    private static final String AGENCY_KEY = "k";
    private static final String YEAR = "y";
    private static final String AGENCY = "a";
    private static final String REPORT_ID = "r";
    private static final String PROVINCE_NAME = "pn";
    private static final String CITY_CODE = "cc";
    private static final String CITY_NAME = "cn";
    private static final String COUNTY_CODE = "xc";
    private static final String COUNTY_NAME = "xn";
    private static final String STATUS = "s";
    private static final String PUBLICATION_DATE = "pd";
    private static final String LATE = "l";
    private static final String SECTIONS_FOUND = "sf";
    private static final String CELLS_READ = "cr";
    private static final String CELLS_EXPECTED = "ce";
    private static final String INCOMPLETE = "i";
    private static final String ERRORS = "e";
    private static final String WARNINGS = "w";
    private static final String COPY_PRIOR = "cp";
    private static final String COPY_PEER = "cq";
    private static final String REVISIONS = "v";
    private static final String FIGURES = "f";
    private static final String FAILED = "FAILED";
    /** A document id is the agency key, '|', and the four-digit year. */
    private static final int YEAR_SUFFIX = "|2024".length();

    /** The facts of a report document as {@link ReportDocuments} writes it (current version, findings, history). */
    public static ScorecardFacts of(Map<String, Object> report) {
        String id = (String) report.get(ReportDocuments.ID);
        Map<String, Object> division = map(report.get("division"));
        Map<String, Object> completeness = map(report.get("completeness"));
        int sectionsFound = list(completeness.get("sectionsFound")).size();
        List<Map<String, Object>> failed = list(report.get(ReportDocuments.FINDINGS)).stream().map(ScorecardFacts::map)
                .filter(finding -> FAILED.equals(finding.get("outcome"))).toList();
        List<Object> rules = failed.stream().map(finding -> finding.get("ruleId")).toList();
        String publicationDate = (String) report.get("publicationDate");
        Map<String, Long> figures = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            figures.put(figure.key(), figure.of(report));
        }
        String agencyKey = id.startsWith(ReportDocuments.PLACEHOLDER_PREFIX) ? id
                : id.substring(0, id.length() - YEAR_SUFFIX);
        return new ScorecardFacts(agencyKey, (Integer) report.get(ReportDocuments.YEAR),
                (String) report.get(ReportDocuments.AGENCY), (String) report.get(ReportDocuments.REPORT_ID),
                (String) division.get("provinceName"),
                (String) division.get("cityCode"), (String) division.get("cityName"), (String) division.get("countyCode"),
                (String) division.get("countyName"), (String) report.get(ReportDocuments.STATUS), publicationDate,
                rules.contains(LATE_RULE) ? Boolean.TRUE : publicationDate == null ? null : Boolean.FALSE, sectionsFound,
                (Integer) completeness.get("cellsRead"), (Integer) completeness.get("cellsExpected"),
                rules.contains(INCOMPLETE_RULE) || sectionsFound < SECTIONS, count(failed, "ERROR"), count(failed, "WARN"),
                rules.contains(COPY_PRIOR_RULE), rules.contains(COPY_PEER_RULE),
                list(report.get(ReportDocuments.HISTORY)).size(), figures);
    }

    /** The facts as the sub-document stores them, without what is null. */
    public Document toDocument() {
        Document figureValues = new Document();
        figures.forEach((figure, value) -> putUnlessNull(figureValues, figure, value));
        Document stored = new Document();
        putUnlessNull(stored, AGENCY_KEY, agencyKey);
        putUnlessNull(stored, YEAR, year);
        putUnlessNull(stored, AGENCY, agency);
        putUnlessNull(stored, REPORT_ID, reportId);
        putUnlessNull(stored, PROVINCE_NAME, provinceName);
        putUnlessNull(stored, CITY_CODE, cityCode);
        putUnlessNull(stored, CITY_NAME, cityName);
        putUnlessNull(stored, COUNTY_CODE, countyCode);
        putUnlessNull(stored, COUNTY_NAME, countyName);
        putUnlessNull(stored, STATUS, status);
        putUnlessNull(stored, PUBLICATION_DATE, publicationDate);
        putUnlessNull(stored, LATE, late);
        putUnlessNull(stored, CELLS_READ, cellsRead);
        putUnlessNull(stored, CELLS_EXPECTED, cellsExpected);
        return stored.append(SECTIONS_FOUND, sectionsFound).append(INCOMPLETE, incomplete).append(ERRORS, errors)
                .append(WARNINGS, warnings).append(COPY_PRIOR, copyPrior).append(COPY_PEER, copyPeer)
                .append(REVISIONS, revisions).append(FIGURES, figureValues);
    }

    /** The facts as {@link #toDocument()} stored them. */
    public static ScorecardFacts from(Document stored) {
        Document figureValues = stored.get(FIGURES, Document.class);
        Map<String, Long> figures = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            figures.put(figure.key(), figureValues.getLong(figure.key()));
        }
        return new ScorecardFacts(stored.getString(AGENCY_KEY), stored.getInteger(YEAR), stored.getString(AGENCY),
                stored.getString(REPORT_ID), stored.getString(PROVINCE_NAME), stored.getString(CITY_CODE),
                stored.getString(CITY_NAME), stored.getString(COUNTY_CODE), stored.getString(COUNTY_NAME),
                stored.getString(STATUS), stored.getString(PUBLICATION_DATE), stored.getBoolean(LATE),
                stored.getInteger(SECTIONS_FOUND), stored.getInteger(CELLS_READ), stored.getInteger(CELLS_EXPECTED),
                stored.getBoolean(INCOMPLETE), stored.getInteger(ERRORS), stored.getInteger(WARNINGS),
                stored.getBoolean(COPY_PRIOR), stored.getBoolean(COPY_PEER), stored.getInteger(REVISIONS), figures);
    }

    private static void putUnlessNull(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }

    private static int count(List<Map<String, Object>> failed, String severity) {
        return (int) failed.stream().filter(finding -> severity.equals(finding.get("severity"))).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
