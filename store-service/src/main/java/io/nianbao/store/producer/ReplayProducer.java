package io.nianbao.store.producer;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.schema.DeadLetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes a dead letter's original record again, bytes and key unchanged, to the topic and partition it was
 * consumed from: the stage that gave up reads it again. The copy says what it replays ({@code nianbao-replay-of}).
 */
@ApplicationScoped
public class ReplayProducer {
    public static final String CHANNEL = "replays";

    private final MutinyEmitter<byte[]> emitter;

    ReplayProducer(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker acknowledged the record. */
    public void publish(DeadLetter letter, String deadLetterId, String provinceCode) {
        byte[] value = new byte[letter.getOriginalValue().remaining()];
        letter.getOriginalValue().duplicate().get(value);
        RecordHeaders headers = new RecordHeaders();
        headers.add(io.nianbao.schema.RecordHeaders.REPLAY_OF, deadLetterId.getBytes(StandardCharsets.UTF_8));
        if (provinceCode != null) {
            headers.add(io.nianbao.schema.RecordHeaders.PROVINCE, provinceCode.getBytes(StandardCharsets.UTF_8));
        }
        if (letter.getReportId() != null) {
            headers.add(io.nianbao.schema.RecordHeaders.REPORT_ID, letter.getReportId().getBytes(StandardCharsets.UTF_8));
        }
        emitter.sendMessageAndAwait(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(letter.getOriginalTopic())
                // Where it was consumed from: the partition of its place (PlacePartitioner), which the bytes alone
                // no longer tell a partitioner, so that it meets its agency's history and keeps its order.
                .withPartition(letter.getOriginalPartition())
                .withKey(letter.getOriginalKey())
                .withHeaders(headers)
                .build()));
    }
}
