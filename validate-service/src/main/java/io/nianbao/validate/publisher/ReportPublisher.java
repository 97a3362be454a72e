package io.nianbao.validate.publisher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.schema.Alert;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.ValidatedReport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Produces the service's records. Every send completes only when the broker acknowledged the record
 * ({@code acks=all}), so the caller can hold back the incoming record's ack until then.
 */
@ApplicationScoped
public class ReportPublisher {
    /** reports.validated. */
    public static final String VALIDATED_REPORTS = "validated-reports";
    /** reports.alerts. */
    public static final String ALERTS = "alerts";
    /** reports.dlq. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** reports.history: the latest report per agency and year, as a ReportHistoryEntry (compacted). */
    public static final String HISTORY_ENTRIES = "history-entries";

    @Inject
    @Channel(VALIDATED_REPORTS)
    MutinyEmitter<ValidatedReport> validatedReports;

    @Inject
    @Channel(ALERTS)
    MutinyEmitter<Alert> alerts;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<DeadLetter> deadLetters;

    @Inject
    @Channel(HISTORY_ENTRIES)
    MutinyEmitter<ReportHistoryEntry> historyEntries;

    public Uni<Void> validated(String key, String province, ValidatedReport report) {
        return validatedReports.sendMessage(message(report, key, province, report.getReport().getReportId()));
    }

    public Uni<Void> alert(String key, String province, Alert alert) {
        return alerts.sendMessage(message(alert, key, province, alert.getReportId()));
    }

    /** Under the original key, so a dead letter stays beside the agency's other records. */
    public Uni<Void> deadLetter(String key, String province, DeadLetter letter) {
        return deadLetters.sendMessage(message(letter, key, province, letter.getReportId()));
    }

    /** Under the agency-and-year key, so compaction keeps the latest report of each agency and year. */
    public Uni<Void> historyEntry(String topicKey, String province, ReportHistoryEntry entry) {
        return historyEntries.sendMessage(message(entry, topicKey, province, entry.getReport().getReportId()));
    }

    private static <T> Message<T> message(T payload, String key, String province, String reportId) {
        List<RecordHeader> headers = new ArrayList<>();
        if (province != null) {
            headers.add(new RecordHeader(RecordHeaders.PROVINCE, province.getBytes(StandardCharsets.UTF_8)));
        }
        if (reportId != null) {
            headers.add(new RecordHeader(RecordHeaders.REPORT_ID, reportId.getBytes(StandardCharsets.UTF_8)));
        }
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build());
    }
}
