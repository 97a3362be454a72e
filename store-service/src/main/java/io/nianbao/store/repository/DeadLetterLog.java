package io.nianbao.store.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * Reads one record of {@code reports.dlq} by its place: where a dead letter's original bytes are kept
 * ({@link io.nianbao.store.domain.DeadLetterDocuments}).
 */
@ApplicationScoped
public class DeadLetterLog {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** A dead letter holds a whole raw record: as large as the largest upload, with room to spare. */
    private static final int MAX_FETCH_BYTES = 41_943_040;

    private final String bootstrapServers;

    DeadLetterLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @return the dead letter, or empty when the topic no longer holds it (its retention has passed) */
    public Optional<DeadLetter> read(int partition, long offset) {
        TopicPartition place = new TopicPartition(Topics.DLQ, partition);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_FETCH_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(place));
            Long earliest = consumer.beginningOffsets(List.of(place)).get(place);
            if (earliest == null || offset < earliest) {
                return Optional.empty();
            }
            consumer.seek(place, offset);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return Optional.of(AvroCodec.of(DeadLetter.class).decode(record.value()));
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("reports.dlq-" + partition + "@" + offset + " could not be read within "
                    + READ_TIMEOUT.toSeconds() + " s: is the broker reachable?");
        }
    }
}
