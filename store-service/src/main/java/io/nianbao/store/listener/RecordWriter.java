package io.nianbao.store.listener;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.bson.BSONException;
import org.jboss.logging.Logger;

import com.mongodb.MongoServerException;

/**
 * Stores a consumed record: an undecodable one, or one MongoDB refuses (a server error) or that cannot be encoded as
 * BSON, goes to
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
        } catch (MongoServerException | BSONException e) {
            LOG.warnf(e, "%s-%d@%d could not be stored, sent to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            decoder.deadLetter(record, UNSTORABLE_RECORD, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // Anything else (a client closing at shutdown, an interrupted driver call, a bug) propagates: the record is
        // nacked and not committed, never parked in the dead-letter topic as if it were the record's fault.
    }
}
