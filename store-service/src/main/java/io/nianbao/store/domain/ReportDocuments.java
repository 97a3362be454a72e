package io.nianbao.store.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bson.Document;

import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.json.RecordMaps;

/**
 * The {@code reports} document: one per agency and year, holding the current version of its report under
 * the canonical field names and a summary of every earlier, different version.
 */
public final class ReportDocuments {
    public static final String ID = "_id";
    public static final String REPORT_ID = "reportId";
    public static final String PARSER_VERSION = "parserVersion";
    public static final String AGENCY = "agency";
    public static final String YEAR = "year";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String STATUS = "status";
    public static final String TEMPLATE = "template";
    public static final String CITY_CODE = "division.cityCode";
    public static final String COUNTY_CODE = "division.countyCode";
    public static final String FINDINGS = "findings";
    public static final String FINDING_RULE_ID = FINDINGS + ".ruleId";
    public static final String STORED_AT = "storedAt";
    public static final String ALERT_COUNT = "alertCount";
    public static final String RULES_VERSION = "rulesVersion";
    public static final String VALIDATED_AT = "validatedAt";
    public static final String HISTORY = "history";
    public static final String HISTORY_REPORT_ID = HISTORY + "." + REPORT_ID;
    /** The {@link ScorecardFacts} of the current version, written with every version and verdict. */
    public static final String SCORECARD = "scorecard";

    static final String PLACEHOLDER_PREFIX = "report:";

    private ReportDocuments() {
    }

    /** The whole document for a validated report, as first stored at {@code storedAt}, with no history yet. */
    public static Document of(ValidatedReport validated, Instant storedAt) {
        ParsedReport report = validated.getReport();
        String provinceCode = report.getDivision().getProvinceCode();
        Document document = new Document(ID, idOf(report, provinceCode));
        document.putAll(RecordMaps.toMap(report));
        document.append(STATUS, validated.getStatus())
                .append(FINDINGS, validated.getFindings().stream().map(RecordMaps::toMap).toList())
                .append(RULES_VERSION, validated.getRulesVersion())
                .append(VALIDATED_AT, validated.getValidatedAt())
                .append(STORED_AT, storedAt)
                .append(ALERT_COUNT, alertCount(validated.getFindings()))
                .append(PROVINCE_CODE, provinceCode)
                .append(HISTORY, List.of());
        return withScorecardFacts(document);
    }

    /** Where a report whose agency or year could not be read is kept, alone: it cannot be matched to others. */
    public static String placeholderId(String reportId) {
        return PLACEHOLDER_PREFIX + reportId;
    }

    /** True when both are the same content read by the same parser: storing it again must change nothing. */
    public static boolean sameVersion(Document a, Document b) {
        return Objects.equals(a.get(REPORT_ID), b.get(REPORT_ID))
                && Objects.equals(a.get(PARSER_VERSION), b.get(PARSER_VERSION));
    }

    /**
     * True when {@code incoming} is a later verdict on the stored version that says something else: the same
     * report judged again, e.g. a later year re-checked once its earlier year arrived. An older verdict
     * redelivered after it is not news.
     */
    public static boolean laterDifferentVerdict(Document stored, Document incoming) {
        Instant storedAt = instant(stored.get(VALIDATED_AT));
        Instant incomingAt = instant(incoming.get(VALIDATED_AT));
        boolean later = storedAt == null || (incomingAt != null && incomingAt.isAfter(storedAt));
        return later && !(Objects.equals(stored.get(STATUS), incoming.get(STATUS))
                && asJson(stored.get(FINDINGS)).equals(asJson(incoming.get(FINDINGS)))
                && Objects.equals(stored.get(RULES_VERSION), incoming.get(RULES_VERSION)));
    }

    /** The stored version with {@code incoming}'s verdict: the report and its history are unchanged. */
    public static Document rejudge(Document stored, Document incoming) {
        Document rejudged = new Document(stored);
        for (String field : List.of(STATUS, FINDINGS, RULES_VERSION, VALIDATED_AT, ALERT_COUNT)) {
            rejudged.put(field, incoming.get(field));
        }
        return withScorecardFacts(rejudged);
    }

    /** Stored findings come back as Documents, incoming ones are Maps: compare what MongoDB would hold. */
    private static String asJson(Object value) {
        return new Document("value", value).toJson();
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }

    /**
     * {@code incoming} as the new current version: the stored version's summary is appended to the history,
     * and an earlier entry of the incoming version is dropped (it is current again), so the history holds
     * only versions different from the current one and from each other.
     */
    public static Document revise(Document stored, Document incoming) {
        List<Document> history = new ArrayList<>();
        for (Document earlier : stored.getList(HISTORY, Document.class, List.of())) {
            if (!sameVersion(earlier, incoming)) {
                history.add(earlier);
            }
        }
        history.add(new Document(REPORT_ID, stored.get(REPORT_ID))
                .append(PARSER_VERSION, stored.get(PARSER_VERSION))
                .append(STATUS, stored.get(STATUS))
                .append(STORED_AT, stored.get(STORED_AT)));
        Document revised = new Document(incoming);
        revised.put(HISTORY, history);
        return withScorecardFacts(revised);
    }

    /** The document with its scorecard facts computed from what it now holds. */
    private static Document withScorecardFacts(Document document) {
        document.put(SCORECARD, ScorecardFacts.of(document).toDocument());
        return document;
    }

    private static String idOf(ParsedReport report, String provinceCode) {
        if (AgencyKey.normalise(report.getAgency()).isEmpty() || report.getYear() == null) {
            return placeholderId(report.getReportId());
        }
        return AgencyKey.of(provinceCode, report.getAgency(), report.getReportId()) + "|" + report.getYear();
    }

    /** The failed ERROR checks: the ones that raise an alert. */
    private static int alertCount(List<Finding> findings) {
        return (int) findings.stream()
                .filter(f -> f.getSeverity() == Severity.ERROR && f.getOutcome() == Outcome.FAILED)
                .count();
    }
}
