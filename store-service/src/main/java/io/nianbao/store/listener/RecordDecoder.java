package io.nianbao.store.listener;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Decodes a consumed record, or sends it to {@code reports.dlq} with the reason when it cannot be decoded. */
@ApplicationScoped
public class RecordDecoder {
    public static final String DEAD_LETTERS = "dead-letters";
    private static final String STAGE = "store";
    private static final String UNDECODABLE_RECORD = "UNDECODABLE_RECORD";

    private static final Logger LOG = Logger.getLogger(RecordDecoder.class);

    private final MutinyEmitter<DeadLetter> deadLetters;

    RecordDecoder(@Channel(DEAD_LETTERS) MutinyEmitter<DeadLetter> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @return the record's value, or empty once the dead letter was acknowledged by the broker (so the caller
     *         may acknowledge the record: it is not lost)
     */
    public <T extends SpecificRecord> Optional<T> decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return Optional.of(AvroCodec.of(type).decode(record.value()));
        } catch (UndecodableRecordException e) {
            LOG.warnf("%s-%d@%d is no %s, sent to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), type.getSimpleName(), e.getMessage());
            deadLetter(record, UNDECODABLE_RECORD, e.getMessage());
            return Optional.empty();
        }
    }

    /** Sends the record to {@code reports.dlq} and returns once the broker acknowledged it. */
    void deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason) {
        deadLetters.sendMessageAndAwait(message(record, errorType, reason));
    }

    private static Message<DeadLetter> message(ConsumerRecord<String, byte[]> record, String errorType,
            String reason) {
        DeadLetter letter = DeadLetters.of(STAGE, errorType, reason,
                header(record, io.nianbao.schema.RecordHeaders.REPORT_ID), null,
                record.topic(), record.partition(), record.offset(), record.key(), record.value());
        RecordHeaders headers = new RecordHeaders();
        Header province = record.headers().lastHeader(io.nianbao.schema.RecordHeaders.PROVINCE);
        if (province != null) {
            headers.add(province);
        }
        return Message.of(letter).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return io.nianbao.schema.RecordHeaders.value(record.headers(), name);
    }
}
