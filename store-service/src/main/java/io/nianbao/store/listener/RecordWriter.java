package io.nianbao.store.listener;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Stores a consumed record: an undecodable one, or one whose write fails for a reason of its own, goes to
 * {@code reports.dlq}; one that meets an unreachable MongoDB waits for it ({@link MongoAvailability}). Returns
 * only when the record is written or dead-lettered, so the listener acknowledges it only then.
 */
@ApplicationScoped
public class RecordWriter {
    static final String UNSTORABLE_RECORD = "UNSTORABLE_RECORD";
    private static final Logger LOG = Logger.getLogger(RecordWriter.class);

    private final RecordDecoder decoder;
    private final MongoAvailability mongo;

    RecordWriter(RecordDecoder decoder, @Readiness MongoAvailability mongo) {
        this.decoder = decoder;
        this.mongo = mongo;
    }

    public <T extends SpecificRecord> void write(ConsumerRecord<String, byte[]> record, Class<T> type,
            Function<T, ?> store) {
        decoder.decode(record, type).ifPresent(value -> write(record, value, store));
    }

    private <T> void write(ConsumerRecord<String, byte[]> record, T value, Function<T, ?> store) {
        try {
            mongo.whenReachable(() -> store.apply(value));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Thrown, the record is nacked and not committed: it is consumed again after the restart.
            throw new IllegalStateException("not written, MongoDB is unreachable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s-%d@%d could not be stored, sent to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            decoder.deadLetter(record, UNSTORABLE_RECORD, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
