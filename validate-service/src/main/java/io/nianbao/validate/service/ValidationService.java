package io.nianbao.validate.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.rules.History;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.Validation;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.Alert;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.nianbao.validate.publisher.ReportPublisher;
import io.nianbao.validate.repository.HistoryStore;
import io.smallrye.mutiny.Uni;

/**
 * Validates one parsed report against the agency's history and publishes the verdict, its alerts and its history
 * entry (or a dead letter).
 */
@ApplicationScoped
public class ValidationService {
    static final String STAGE = "validate";
    static final String UNDECODABLE_RECORD = "UNDECODABLE_RECORD";
    static final String RULE_FAILED = "RULE_FAILED";
    static final String REPORTS_VALIDATED = "nianbao.reports.validated";
    static final String ALERTS_RAISED = "nianbao.alerts.raised";

    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final AvroCodec<ParsedReport> codec = AvroCodec.of(ParsedReport.class);

    @Inject
    RuleEngine engine;

    @Inject
    ReportPublisher publisher;

    @Inject
    HistoryStore historyStore;

    @Inject
    MeterRegistry registry;

    /**
     * Completes once the broker acknowledged every record produced for {@code record}: its ValidatedReport and
     * alerts, its history entry, and those of the agency's next year when that arrived first and is judged
     * again now that its previous year is known, and of other agencies' reports whose verdict it changes (its
     * copies, its county's government report), judged again now that it is known.
     */
    public Uni<Void> validate(ConsumerRecord<String, byte[]> record) {
        ParsedReport report;
        try {
            report = codec.decode(record.value());
        } catch (UndecodableRecordException e) {
            return deadLetter(record, UNDECODABLE_RECORD, e.getMessage(), header(record, RecordHeaders.REPORT_ID), null);
        }
        String agencyKey = record.key() != null ? record.key()
                : AgencyKey.of(null, report.getAgency(), report.getReportId());
        History history = historyStore.historyOf(agencyKey, report);
        List<Verdict> verdicts = new ArrayList<>();
        try {
            String province = province(report, record);
            verdicts.add(new Verdict(agencyKey, province, judge(agencyKey, report, history)));
            ParsedReport nextYear = history.nextYear();
            if (nextYear != null) {
                // Its own history, with this report as its year before: peers and parts too, or its other findings
                // (COPY-PEER, HIER-SUM) would drop out of the verdict published again.
                History itsHistory = historyStore.historyOf(agencyKey, nextYear);
                verdicts.add(new Verdict(agencyKey, province, judge(agencyKey, nextYear, new History(report,
                        itsHistory.nextYear(), null, itsHistory.peers(), itsHistory.parts()))));
            }
            // Of two near-identical reports both are flagged (COPY-PEER), also the one that arrived first; a county
            // government's report is compared again with its parts (HIER-SUM) when one of them arrives after it.
            historyStore.dependentsOf(agencyKey, report).forEach((kept, itsHistory) -> verdicts.add(new Verdict(
                    kept.agencyKey(), kept.report().getDivision().getProvinceCode(),
                    judge(kept.agencyKey(), kept.report(), itsHistory))));
        } catch (RuntimeException e) {
            // A rule that throws is a bug for this one report: set it aside, keep validating the others.
            LOG.errorf(e, "a rule failed on report %s", report.getReportId());
            return deadLetter(record, RULE_FAILED, e.toString(), report.getReportId(), report.getSource().getUrl());
        }

        Instant now = Instant.now();
        List<Uni<Void>> sends = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            List<Alert> raised = Alerts.of(verdict.validation(), now);
            alerts.addAll(raised);
            sends.add(publisher.validated(verdict.agencyKey(), verdict.province(),
                    verdict.validation().toValidatedReport(now)));
            raised.forEach(alert -> sends.add(publisher.alert(verdict.agencyKey(), verdict.province(), alert)));
        }
        ReportHistoryEntry entry = ReportHistoryEntry.newBuilder().setReport(report)
                .setRevisionFindings(verdicts.get(0).validation().revisionFindings()).build();
        if (report.getYear() != null) {
            sends.add(publisher.historyEntry(HistoryStore.topicKey(agencyKey, report.getYear()),
                    province(report, record), entry));
        }
        return Uni.join().all(sends).andFailFast()
                .invoke(() -> {
                    historyStore.record(agencyKey, entry);
                    count(verdicts, alerts);
                })
                .replaceWithVoid();
    }

    /** A report judged for this record, published under its own agency's key and province (null when unknown). */
    private record Verdict(String agencyKey, String province, Validation validation) {
    }

    /**
     * Without the same year's earlier report to compare with (a redelivery, or the next year judged again now that
     * its year before arrived), the revision findings recorded for this very report are kept.
     */
    private Validation judge(String agencyKey, ParsedReport report, History history) {
        Validation validation = engine.validate(report, history);
        return history.sameYearPrevious() != null ? validation
                : validation.withRevisionFindings(historyStore.revisionFindings(agencyKey, report));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason,
            String reportId, String sourceUrl) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return publisher.deadLetter(record.key(), header(record, RecordHeaders.PROVINCE),
                DeadLetters.of(STAGE, errorType, reason, reportId, sourceUrl,
                        record.topic(), record.partition(), record.offset(), record.key(), record.value()));
    }

    /** The resolved division's province; else what the upstream service knew (e.g. the uploader's hint). */
    private static String province(ParsedReport report, ConsumerRecord<String, byte[]> record) {
        String resolved = report.getDivision().getProvinceCode();
        return resolved != null ? resolved : header(record, RecordHeaders.PROVINCE);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void count(List<Verdict> verdicts, List<Alert> alerts) {
        verdicts.forEach(verdict ->
                registry.counter(REPORTS_VALIDATED, "status", verdict.validation().status().wireName()).increment());
        alerts.forEach(alert -> registry.counter(ALERTS_RAISED, "rule", alert.getFinding().getRuleId()).increment());
    }
}
