package io.nianbao.store.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.nianbao.store.domain.DocumentEvent;
import io.nianbao.store.domain.DocumentEvents;
import io.nianbao.store.service.DeadLetterService;
import io.nianbao.store.service.DocumentService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows every accepted document: {@code reports.raw} and {@code reports.parsed} (in a consumer group of their
 * own, {@code store-service-documents}) become its received and parsed events, {@code reports.dlq} its failures
 * and the dead letters. reports.raw and reports.parsed are read a polled batch at a time, its events written with
 * one {@code bulkWrite}. A record is acknowledged once written; while MongoDB is unreachable the write waits
 * ({@link MongoAvailability}). A record that cannot be decoded is logged and skipped, never dead-lettered: the
 * stage it belongs to has dead-lettered it already, and a dead letter of a dead letter would loop.
 */
@ApplicationScoped
public class DocumentEventListener {
    public static final String RAW_CHANNEL = "document-receipts";
    public static final String PARSED_CHANNEL = "document-parses";
    public static final String DEAD_LETTER_CHANNEL = "dead-letters-stored";
    private static final Logger LOG = Logger.getLogger(DocumentEventListener.class);

    private final DocumentService documents;
    private final DeadLetterService deadLetters;
    private final MongoAvailability mongo;

    DocumentEventListener(DocumentService documents, DeadLetterService deadLetters,
            @Readiness MongoAvailability mongo) {
        this.documents = documents;
        this.deadLetters = deadLetters;
        this.mongo = mongo;
    }

    /** A polled batch of reports.raw: each record's received event, all written at once. */
    @Incoming(RAW_CHANNEL)
    @Blocking
    public void received(ConsumerRecords<String, byte[]> records) {
        List<DocumentEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decode(record, RawReport.class).ifPresent(raw -> events.add(new DocumentEvent(raw.getReportId(),
                    DocumentEvents.received(raw, place(record), publishedAt(record, raw.getReceivedAt()),
                            header(record, RecordHeaders.REPLAY_OF)))));
        }
        recordAll(events);
    }

    /** A polled batch of reports.parsed: each record's parsed event, all written at once. */
    @Incoming(PARSED_CHANNEL)
    @Blocking
    public void parsed(ConsumerRecords<String, byte[]> records) {
        Instant polled = Instant.now();
        List<DocumentEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decode(record, ParsedReport.class).ifPresent(report -> events.add(new DocumentEvent(
                    report.getReportId(), DocumentEvents.parsed(report, place(record), publishedAt(record, polled)))));
        }
        recordAll(events);
    }

    private void recordAll(List<DocumentEvent> events) {
        if (!events.isEmpty()) {
            write(() -> {
                documents.recordAll(events);
                return null;
            });
        }
    }

    @Incoming(DEAD_LETTER_CHANNEL)
    @Blocking
    public void failed(ConsumerRecord<String, byte[]> record) {
        decode(record, DeadLetter.class).ifPresent(letter -> write(() -> {
            deadLetters.store(letter, record.partition(), record.offset(), header(record, RecordHeaders.PROVINCE));
            return null;
        }));
    }

    private static <T extends SpecificRecord> Optional<T> decode(
            ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return Optional.of(AvroCodec.of(type).decode(record.value()));
        } catch (UndecodableRecordException e) {
            LOG.warnf("%s: no %s, no status recorded: %s", place(record), type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private void write(Supplier<Void> write) {
        try {
            mongo.whenReachable(write);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Nacked and not committed: consumed again after the restart.
            throw new IllegalStateException("not written, MongoDB is unreachable: " + e.getMessage(), e);
        }
    }

    private static String place(ConsumerRecord<String, byte[]> record) {
        return DocumentEvents.record(record.topic(), record.partition(), record.offset());
    }

    /** When the record was published: a replay is the same value published again, later. */
    private static Instant publishedAt(ConsumerRecord<String, byte[]> record, Instant otherwise) {
        return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : otherwise;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return io.nianbao.schema.RecordHeaders.value(record.headers(), name);
    }
}
