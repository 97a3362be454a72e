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
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.Validation;
import io.nianbao.schema.Alert;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.nianbao.validate.publisher.ReportPublisher;
import io.smallrye.mutiny.Uni;

/** Validates one parsed report and publishes the verdict and its alerts (or a dead letter). */
@ApplicationScoped
public class ValidationService {
    static final String STAGE = "validate";
    static final String UNDECODABLE_RECORD = "UNDECODABLE_RECORD";
    static final String REPORTS_VALIDATED = "nianbao.reports.validated";
    static final String ALERTS_RAISED = "nianbao.alerts.raised";

    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final AvroCodec<ParsedReport> codec = AvroCodec.of(ParsedReport.class);

    @Inject
    RuleEngine engine;

    @Inject
    ReportPublisher publisher;

    @Inject
    MeterRegistry registry;

    /** Completes once the broker acknowledged every record produced for {@code record}. */
    public Uni<Void> validate(ConsumerRecord<String, byte[]> record) {
        ParsedReport report;
        try {
            report = codec.decode(record.value());
        } catch (UndecodableRecordException e) {
            return deadLetter(record, e);
        }
        Validation validation = engine.validate(report);
        Instant now = Instant.now();
        List<Alert> alerts = Alerts.of(validation, now);
        String province = province(report, record);

        List<Uni<Void>> sends = new ArrayList<>();
        sends.add(publisher.validated(record.key(), province, validation.toValidatedReport(now)));
        alerts.forEach(alert -> sends.add(publisher.alert(record.key(), province, alert)));
        return Uni.join().all(sends).andFailFast()
                .invoke(() -> count(validation, alerts))
                .replaceWithVoid();
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, UndecodableRecordException e) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        return publisher.deadLetter(record.key(), header(record, RecordHeaders.PROVINCE),
                DeadLetters.of(STAGE, UNDECODABLE_RECORD, e.getMessage(), header(record, RecordHeaders.REPORT_ID), null,
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

    private void count(Validation validation, List<Alert> alerts) {
        registry.counter(REPORTS_VALIDATED, "status", validation.status().wireName()).increment();
        alerts.forEach(alert -> registry.counter(ALERTS_RAISED, "rule", alert.getFinding().getRuleId()).increment());
    }
}
