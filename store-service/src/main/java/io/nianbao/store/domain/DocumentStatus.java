package io.nianbao.store.domain;

import static io.nianbao.store.domain.DocumentEvents.AT;
import static io.nianbao.store.domain.DocumentEvents.FAILED;
import static io.nianbao.store.domain.DocumentEvents.PARSED;
import static io.nianbao.store.domain.DocumentEvents.PARSER_VERSION;
import static io.nianbao.store.domain.DocumentEvents.RECEIVED;
import static io.nianbao.store.domain.DocumentEvents.STATE;
import static io.nianbao.store.domain.DocumentEvents.STORED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;

/**
 * The status of one accepted document, from its events and the stored report holding it. Every receipt starts an
 * attempt (the first upload, the same bytes uploaded or crawled again, a replay); the status is that of the latest
 * attempt: {@code failed} when it was dead-lettered, {@code stored} when a version of the report made from these
 * bytes was stored after it began (or, for bytes already stored, by the same parser version: storing them again
 * changes nothing), else {@code parsed} or {@code received}. The history lists every event and stored version.
 */
public final class DocumentStatus {
    private DocumentStatus() {
    }

    /**
     * @param reportId the document's id (SHA-256 of its bytes)
     * @param events   its events ({@link DocumentEvents}), in any order
     * @param report   the stored report holding a version made from these bytes, as current version or in its
     *                 history; null when there is none
     * @return null when nothing is known of the id
     */
    public static Map<String, Object> of(String reportId, List<Document> events, Document report) {
        List<Document> history = new ArrayList<>(events);
        if (report != null) {
            history.addAll(storedVersions(reportId, report));
        }
        if (history.isEmpty()) {
            return null;
        }
        history.sort(Comparator.comparing((Document event) -> instant(event.get(AT)), Comparator.nullsFirst(Comparator.naturalOrder())));
        Instant attemptStart = history.stream().filter(e -> RECEIVED.equals(e.get(STATE)))
                .map(e -> instant(e.get(AT))).reduce((first, second) -> second).orElse(null);
        List<Document> attempt = history.stream()
                .filter(e -> attemptStart == null || !instant(e.get(AT)).isBefore(attemptStart)).toList();
        Document parsed = last(attempt, PARSED);
        Document failed = last(attempt, FAILED);
        Document stored = history.stream().filter(e -> STORED.equals(e.get(STATE)))
                .filter(e -> attempt.contains(e) || (parsed != null
                        && Objects.equals(parsed.get(PARSER_VERSION), e.get(PARSER_VERSION))))
                .reduce((first, second) -> second).orElse(null);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", reportId);
        Document received = last(history, RECEIVED);
        if (received != null) {
            for (String field : List.of("fileName", "sourceUrl", "origin")) {
                status.put(field, received.get(field));
            }
        }
        if (failed != null) {
            status.put("status", FAILED);
            status.put("failure", failure(failed));
        } else if (stored != null) {
            status.put("status", STORED);
            status.put("report", "/api/reports/" + reportId);
        } else {
            status.put("status", parsed != null ? PARSED : RECEIVED);
        }
        status.put("history", history);
        return status;
    }

    private static Map<String, Object> failure(Document failed) {
        Map<String, Object> failure = new LinkedHashMap<>();
        for (String field : List.of("stage", "errorType", "reason")) {
            failure.put(field, failed.get(field));
        }
        failure.put("failedAt", failed.get(AT));
        FailureKind kind = FailureKind.of(failed.getString("errorType"));
        if (kind != null) {
            failure.put("meaningZh", kind.meaningZh());
            failure.put("actionZh", kind.actionZh());
        }
        failure.put("deadLetter", "/api/dead-letters/" + failed.get(DocumentEvents.RECORD));
        return failure;
    }

    /** The report's versions made from these bytes: the current one and earlier ones in its history. */
    private static List<Document> storedVersions(String reportId, Document report) {
        List<Document> versions = new ArrayList<>();
        List<Document> candidates = new ArrayList<>(report.getList(ReportDocuments.HISTORY, Document.class, List.of()));
        candidates.add(report);
        for (Document version : candidates) {
            if (reportId.equals(version.get(ReportDocuments.REPORT_ID))) {
                versions.add(new Document(STATE, STORED).append(AT, version.get(ReportDocuments.STORED_AT))
                        .append(PARSER_VERSION, version.get(ReportDocuments.PARSER_VERSION))
                        .append("verdict", version.get(ReportDocuments.STATUS))
                        .append("current", version == report));
            }
        }
        return versions;
    }

    private static Document last(List<Document> events, String state) {
        return events.stream().filter(e -> state.equals(e.get(STATE))).reduce((first, second) -> second).orElse(null);
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return (Instant) value;
    }
}
