package io.nianbao.parse.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.nianbao.parser.ReportParseException;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.parser.extract.OcrPages;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * One raw record → one outcome: the parsed report, or a dead letter saying why not. Never fails: whatever goes
 * wrong with the record becomes a dead letter carrying the original bytes, so the consumer can always move on.
 */
@ApplicationScoped
@Startup // Tika's parsers and the Avro schemas take seconds to load: at start, not on the first record's event loop
public class ParseService {
    static final String STAGE = "parse";
    static final String UNDECODABLE_RECORD = "UNDECODABLE_RECORD";
    static final String PARSE_TIMEOUT = "PARSE_TIMEOUT";
    static final String PARSE_FAILED = "PARSE_FAILED";
    private static final AvroCodec<RawReport> RAW_REPORTS = AvroCodec.of(RawReport.class);
    static final String WARM_UP_REPORT = "/warm-up/report.txt";
    private static final Logger LOG = Logger.getLogger(ParseService.class);

    private final ReportParser parser;
    private final OcrPages ocrPages;
    private final ParseTimeouts timeouts;
    private final BoundedWorker worker;
    private final ParseMetrics metrics;

    @Inject
    public ParseService(ParseConfig config, ParseMetrics metrics) {
        this(new ReportParser(), OcrPages.onThisMachine(), config.timeouts(), new BoundedWorker(config.workers()),
                metrics);
        warmUp(metrics);
    }

    /**
     * Parses a bundled report once while the service starts, before its first record: the parser's first document
     * loads and initialises its classes and patterns (≈ 4.5 s between the first raw record and the first parsed one
     * before). A failure here is logged, not fatal: the records would show the same fault as dead letters. Its
     * time is the metric {@code nianbao.parse.warm.up}.
     */
    private void warmUp(ParseMetrics metrics) {
        long started = System.nanoTime();
        try (InputStream in = ParseService.class.getResourceAsStream(WARM_UP_REPORT)) {
            parser.parse(in.readAllBytes(), SourceInfo.ofFile("warm-up.txt"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.warmedUp(took);
            LOG.infof("parser warmed up on a bundled report in %d ms", took.toMillis());
        } catch (IOException | ReportParseException | RuntimeException e) {
            LOG.warnf(e, "the parser's warm-up on %s failed", WARM_UP_REPORT);
        }
    }

    ParseService(ReportParser parser, OcrPages ocrPages, ParseTimeouts timeouts, BoundedWorker worker,
            ParseMetrics metrics) {
        this.parser = parser;
        this.ocrPages = ocrPages;
        this.timeouts = timeouts;
        this.worker = worker;
        this.metrics = metrics;
    }

    public Uni<ParseOutcome> handle(byte[] value, RecordOrigin origin) {
        RawReport raw;
        try {
            raw = RAW_REPORTS.decode(value);
        } catch (UndecodableRecordException e) {
            return Uni.createFrom().item(deadLetter(UNDECODABLE_RECORD,
                    "The record is not a RawReport: " + e.getMessage(), null, value, origin));
        }
        long started = System.nanoTime();
        byte[] content = bytes(raw);
        // Counted before the parse: a scan's bound must allow for its pages, a text document's stays tight.
        ParseBudget budget = timeouts.budgetFor(ocrPages.count(content, raw.getFileName()));
        return Uni.createFrom()
                .completionStage(() -> worker.run(() -> parser.parse(content, source(raw)), budget.limit()))
                .map(report -> parsed(report, raw))
                .onFailure().recoverWithItem(failure -> failed(unwrap(failure), budget, raw, value, origin))
                .onTermination().invoke(() -> metrics.took(Duration.ofNanos(System.nanoTime() - started)));
    }

    private ParseOutcome parsed(ParsedReport report, RawReport raw) {
        metrics.parsed();
        // The province, not a finer code: it is known for an agency whatever year or hint, so all its reports share
        // one key, hence one partition, in order.
        String province = province(report.getDivision(), raw);
        return new ParseOutcome.Parsed(report, AgencyKey.of(province, report.getAgency(), report.getReportId()), province);
    }

    private ParseOutcome failed(Throwable failure, ParseBudget budget, RawReport raw, byte[] value,
            RecordOrigin origin) {
        if (failure instanceof ReportParseException refused) {
            return deadLetter(refused.errorType(), refused.getMessage(), raw, value, origin);
        }
        if (failure instanceof TimeoutException) {
            return deadLetter(PARSE_TIMEOUT, "Parsing did not finish within " + budget + ".", raw, value, origin);
        }
        // A parser bug must not stop the partition: the record is kept in the DLQ for a re-run after the fix.
        return deadLetter(PARSE_FAILED, "The parser failed: " + failure, raw, value, origin);
    }

    private ParseOutcome deadLetter(String errorType, String reason, RawReport raw, byte[] value, RecordOrigin origin) {
        metrics.deadLettered(errorType);
        return new ParseOutcome.DeadLettered(DeadLetters.of(STAGE, errorType, reason,
                raw == null ? null : raw.getReportId(), raw == null ? null : raw.getSourceUrl(), origin.topic(),
                origin.partition(), origin.offset(), origin.key(), value), origin.key(),
                raw == null ? null : raw.getProvinceHint());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static byte[] bytes(RawReport raw) {
        var buffer = raw.getContent().duplicate();
        byte[] content = new byte[buffer.remaining()];
        buffer.get(content);
        return content;
    }

    private static SourceInfo source(RawReport raw) {
        return new SourceInfo(raw.getReportId(), raw.getSourceUrl(), raw.getFileName(), raw.getOrigin(),
                raw.getProvinceHint(), raw.getDivisionHint(), raw.getAgencyHint(), raw.getReceivedAt());
    }

    private static String province(Division division, RawReport raw) {
        return division.getProvinceCode() != null ? division.getProvinceCode() : raw.getProvinceHint();
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
