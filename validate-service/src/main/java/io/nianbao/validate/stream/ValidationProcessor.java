package io.nianbao.validate.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.Alert;
import io.nianbao.schema.CopyFound;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.RecordTracing;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.nianbao.validate.repository.FingerprintIndex;
import io.nianbao.validate.repository.PartitionHistory;
import io.nianbao.validate.service.ValidationService;
import io.nianbao.validate.service.ValidationService.Judgment;
import io.nianbao.validate.service.ValidationService.Verdict;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Validates each record of reports.parsed against its partition's history (and the global fingerprint index) and
 * forwards the verdicts and their alerts (or a dead letter), keeping each verdict's findings with its report;
 * records the report in the history and publishes its fingerprint's changes to the global index's topic, and a
 * {@link CopyFound} to the partition of each copy of it kept elsewhere. A record of reports.copies-found judges
 * the kept report it names again. Under exactly_once_v2 the outputs, the stores' changes, the index's records and
 * the input offset commit together or not at all.
 * <p>
 * Its outputs are Avro records under agency keys, but for the index's records, which are the global store's keys
 * and values as they are.
 */
class ValidationProcessor implements Processor<String, byte[], Object, Object> {
    static final String STAGE = "validate";
    static final String UNDECODABLE_RECORD = "UNDECODABLE_RECORD";
    static final String RULE_FAILED = "RULE_FAILED";
    static final String REPORTS_VALIDATED = "nianbao.reports.validated";
    static final String ALERTS_RAISED = "nianbao.alerts.raised";

    private static final Logger LOG = Logger.getLogger(ValidationProcessor.class);
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);
    private static final AvroCodec<CopyFound> COPIES = AvroCodec.of(CopyFound.class);

    private final ValidationService service;
    private final MeterRegistry registry;
    private final RecordTracing tracing;
    private ProcessorContext<Object, Object> context;
    private PartitionHistory history;
    /** The span of the record being processed, in the context its outputs carry on. */
    private Context trace;

    ValidationProcessor(ValidationService service, MeterRegistry registry, RecordTracing tracing) {
        this.service = service;
        this.registry = registry;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.history = PartitionHistory.of(context);
    }

    /**
     * The record's validation is the document's "validate" span, a child of parse-service's span named in the
     * record's traceparent header. Kafka Streams has no tracing of its own: the span's context is written into the
     * headers of every record forwarded here.
     */
    @Override
    public void process(Record<String, byte[]> record) {
        Context parent = tracing.extract(record.headers());
        Span span = tracing.start(STAGE, parent, header(record, io.nianbao.schema.RecordHeaders.REPORT_ID), null);
        trace = parent.with(span);
        try (Scope current = trace.makeCurrent()) {
            if (Topics.COPIES_FOUND.equals(context.recordMetadata().map(RecordMetadata::topic).orElse(null))) {
                judgeAgainForCopy(record, span);
            } else {
                validate(record, span);
            }
        } catch (RuntimeException e) {
            RecordTracing.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void validate(Record<String, byte[]> record, Span span) {
        ParsedReport report;
        try {
            report = CODEC.decode(record.value());
        } catch (UndecodableRecordException e) {
            deadLetter(record, UNDECODABLE_RECORD, e.getMessage(), header(record, io.nianbao.schema.RecordHeaders.REPORT_ID), null);
            return;
        }
        RecordTracing.describe(span, report.getReportId(), report.getAgency());
        String agencyKey = record.key() != null ? record.key()
                : AgencyKey.of(null, report.getAgency(), report.getReportId());
        Judgment judgment;
        try {
            judgment = service.judge(agencyKey, province(report, record), report, history);
        } catch (RuntimeException e) {
            // A rule that throws is a bug for this one report: set it aside, keep validating the others.
            LOG.errorf(e, "a rule failed on report %s", report.getReportId());
            RecordTracing.fail(span, e);
            deadLetter(record, RULE_FAILED, e.toString(), report.getReportId(), report.getSource().getUrl());
            return;
        }
        publish(judgment.verdicts(), record.timestamp());
        for (CopyFound copyFound : judgment.copiesElsewhere()) {
            forward(ValidationTopology.COPIES_FOUND, HistoryIndex.agencyKeyOf(copyFound.getEntryKey()), null,
                    copyFound.getReportId(), copyFound, record.timestamp());
        }
        for (KeyValue<Bytes, byte[]> change : history.record(agencyKey,
                ValidationService.historyEntry(report, judgment))) {
            context.forward(new Record<>(change.key, change.value, record.timestamp(), FingerprintIndex.headersOf(change)),
                    FingerprintIndex.SINK);
        }
    }

    /** A copy of a report kept here arrived in another partition: the report judged again, if still kept. */
    private void judgeAgainForCopy(Record<String, byte[]> record, Span span) {
        CopyFound copyFound;
        try {
            copyFound = COPIES.decode(record.value());
        } catch (UndecodableRecordException e) {
            deadLetter(record, UNDECODABLE_RECORD, e.getMessage(),
                    header(record, io.nianbao.schema.RecordHeaders.REPORT_ID), null);
            return;
        }
        Optional<Verdict> verdict;
        try {
            verdict = service.judgeAgainForCopy(copyFound, history);
        } catch (RuntimeException e) {
            LOG.errorf(e, "a rule failed on report %s", copyFound.getReportId());
            RecordTracing.fail(span, e);
            deadLetter(record, RULE_FAILED, e.toString(), copyFound.getReportId(), null);
            return;
        }
        verdict.ifPresent(judged -> {
            ParsedReport report = judged.validation().report();
            RecordTracing.describe(span, report.getReportId(), report.getAgency());
            publish(List.of(judged), record.timestamp());
        });
    }

    /** Each verdict with its alerts, under its agency's key; its findings kept for when it is next judged again. */
    private void publish(List<Verdict> verdicts, long timestamp) {
        Instant now = Instant.now();
        for (Verdict verdict : verdicts) {
            String reportId = verdict.validation().report().getReportId();
            forward(ValidationTopology.VALIDATED_REPORTS, verdict.agencyKey(), verdict.province(), reportId,
                    verdict.validation().toValidatedReport(now), timestamp);
            List<Alert> alerts = verdict.alerts(now);
            alerts.forEach(alert -> forward(ValidationTopology.ALERTS, verdict.agencyKey(), verdict.province(), reportId,
                    alert, timestamp));
            count(verdict, alerts);
            history.keepVerdict(verdict.agencyKey(), verdict.validation());
        }
    }

    private void deadLetter(Record<String, byte[]> record, String errorType, String reason, String reportId,
            String sourceUrl) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        LOG.warnf("dead-lettering %s-%d@%d: %s", origin.topic(), origin.partition(), origin.offset(), reason);
        forward(ValidationTopology.DEAD_LETTERS, record.key(), header(record, io.nianbao.schema.RecordHeaders.PROVINCE),
                reportId, DeadLetters.of(STAGE, errorType, reason, reportId, sourceUrl, origin.topic(),
                        origin.partition(), origin.offset(), record.key(), record.value()), record.timestamp());
    }

    private void forward(String sink, String key, String province, String reportId, SpecificRecord value,
            long timestamp) {
        Headers headers = new RecordHeaders();
        if (province != null) {
            headers.add(io.nianbao.schema.RecordHeaders.PROVINCE, province.getBytes(StandardCharsets.UTF_8));
        }
        if (reportId != null) {
            headers.add(io.nianbao.schema.RecordHeaders.REPORT_ID, reportId.getBytes(StandardCharsets.UTF_8));
        }
        tracing.inject(trace, headers);
        context.forward(new Record<>(key, value, timestamp, headers), sink);
    }

    /** The resolved division's province; else what the upstream service knew (e.g. the uploader's hint). */
    private static String province(ParsedReport report, Record<String, byte[]> record) {
        String resolved = report.getDivision().getProvinceCode();
        return resolved != null ? resolved : header(record, io.nianbao.schema.RecordHeaders.PROVINCE);
    }

    private static String header(Record<String, byte[]> record, String name) {
        return io.nianbao.schema.RecordHeaders.value(record.headers(), name);
    }

    private void count(Verdict verdict, List<Alert> alerts) {
        registry.counter(REPORTS_VALIDATED, "status", verdict.validation().status().wireName()).increment();
        alerts.forEach(alert -> registry.counter(ALERTS_RAISED, "rule", alert.getFinding().getRuleId()).increment());
    }
}
