package io.nianbao.store.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.bson.BSONException;
import org.jboss.logging.Logger;

import com.mongodb.MongoServerException;

import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.kafka.RecordTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;

/**
 * Stores a consumed batch of records with one write: an undecodable record, or one MongoDB refuses (a server error)
 * or that cannot be encoded as BSON, goes to {@code reports.dlq}; a batch that meets an unreachable MongoDB waits
 * for it ({@link MongoAvailability}). Returns only when every record is written or dead-lettered, so the listener
 * acknowledges the batch only then.
 */
@ApplicationScoped
public class RecordWriter {
    static final String UNSTORABLE_RECORD = "UNSTORABLE_RECORD";
    static final String STAGE = "store";
    private static final Logger LOG = Logger.getLogger(RecordWriter.class);

    private final RecordDecoder decoder;
    private final MongoAvailability mongo;
    private final RecordTracing tracing;

    RecordWriter(RecordDecoder decoder, @Readiness MongoAvailability mongo, OpenTelemetry openTelemetry) {
        this.decoder = decoder;
        this.mongo = mongo;
        this.tracing = new RecordTracing(openTelemetry);
    }

    /**
     * Each record's write is a "store" span of its document's trace, a child of the span named in its traceparent
     * header (validate-service's), ended once the batch is written.
     *
     * @param agency the agency a value is about, for its span
     * @param store  writes the decoded values, in the batch's order (per partition, by offset), at once
     */
    public <T extends SpecificRecord> void write(ConsumerRecords<String, byte[]> batch, Class<T> type,
            Function<T, String> agency, Function<List<T>, ?> store) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        List<T> values = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            decoder.decode(record, type).ifPresent(value -> {
                records.add(record);
                values.add(value);
                spans.add(tracing.start(STAGE, tracing.extract(record.headers()), RecordHeaders.value(record.headers(), RecordHeaders.REPORT_ID),
                        agency.apply(value)));
            });
        }
        if (values.isEmpty()) {
            return;
        }
        try {
            write(records, values, store);
        } catch (RuntimeException e) {
            spans.forEach(span -> RecordTracing.fail(span, e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private <T> void write(List<ConsumerRecord<String, byte[]>> records, List<T> values, Function<List<T>, ?> store) {
        try {
            mongo.whenReachable(() -> store.apply(values));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Thrown, the batch is nacked and not committed: it is consumed again after the restart.
            throw new IllegalStateException("not written, MongoDB is unreachable: " + e.getMessage(), e);
        } catch (MongoServerException | BSONException e) {
            if (records.size() > 1) {
                // Which record was refused is not known: each again on its own (the writes are idempotent), so
                // only the refused one is dead-lettered and the others are stored.
                for (int i = 0; i < records.size(); i++) {
                    write(List.of(records.get(i)), List.of(values.get(i)), store);
                }
                return;
            }
            ConsumerRecord<String, byte[]> record = records.get(0);
            LOG.warnf(e, "%s-%d@%d could not be stored, sent to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            decoder.deadLetter(record, UNSTORABLE_RECORD, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // Anything else (a client closing at shutdown, an interrupted driver call, a bug) propagates: the batch is
        // nacked and not committed, never parked in the dead-letter topic as if it were the records' fault.
    }
}
