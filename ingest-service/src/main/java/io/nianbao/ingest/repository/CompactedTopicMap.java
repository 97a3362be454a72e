package io.nianbao.ingest.repository;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BinaryOperator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A key → bytes map whose log of record is a compacted Kafka topic: survives restarts, and every instance sees the
 * writes of the others after {@link #refresh()}. Without a bootstrap address it is a plain in-memory map (tests).
 * A write returns only after the broker acknowledged it (acks=all); a delete writes a tombstone.
 * <p>
 * A map made {@link #ordered ordered} folds every record into the current value with its merge function, in log
 * order, and learns its own writes only when it reads them back: all instances then agree on the value whatever
 * the interleaving of their writes (the source leases rely on this).
 */
public final class CompactedTopicMap implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final String bootstrap;
    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    /** (current value or null, incoming record) → new value; the incoming one for a plain map. */
    private final BinaryOperator<byte[]> merge;
    private final boolean ordered;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    private CompactedTopicMap(String topic, String bootstrap, BinaryOperator<byte[]> merge, boolean ordered) {
        this.topic = topic;
        this.bootstrap = bootstrap;
        this.merge = merge;
        this.ordered = ordered;
    }

    public static CompactedTopicMap kafka(String topic, String bootstrapServers) {
        return new CompactedTopicMap(topic, bootstrapServers, (current, incoming) -> incoming, false);
    }

    public static CompactedTopicMap inMemory(String topic) {
        return new CompactedTopicMap(topic, null, (current, incoming) -> incoming, false);
    }

    /** This map, not yet used, made to fold records with {@code merge} in log order (see the class comment). */
    public CompactedTopicMap ordered(BinaryOperator<byte[]> merge) {
        return new CompactedTopicMap(topic, bootstrap, merge, true);
    }

    /** Reads what other instances (or an earlier life of this one) wrote, up to the topic's current end. */
    public synchronized void refresh() {
        if (bootstrap == null) {
            return;
        }
        KafkaConsumer<String, byte[]> reader = consumer();
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                apply(record.key(), record.value());
            }
        }
    }

    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, byte[]> snapshot() {
        return Map.copyOf(values);
    }

    /** @throws StoreUnavailableException when the broker did not acknowledge the write; the map is then unchanged */
    public void put(String key, byte[] value) {
        write(key, value);
        learnOwnWrite(key, value);
    }

    public void remove(String key) {
        write(key, null);
        learnOwnWrite(key, null);
    }

    /** An ordered map on Kafka learns the write from the log on the next refresh, at its place among the others'. */
    private void learnOwnWrite(String key, byte[] value) {
        if (!ordered || bootstrap == null) {
            apply(key, value);
        }
    }

    private synchronized void apply(String key, byte[] value) {
        if (value == null) {
            values.remove(key);
        } else {
            byte[] merged = merge.apply(values.get(key), value);
            values.put(key, merged);
        }
    }

    private void write(String key, byte[] value) {
        if (bootstrap == null) {
            return;
        }
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException("Kafka refused the write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not acknowledge the write to " + topic + " within " + ACK_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while writing to " + topic, e);
        } catch (KafkaException e) {
            throw new StoreUnavailableException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** No consumer group: every instance reads the whole topic, which is what a shared map needs. */
    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // An auto-created topic would not be compacted: a missing topic is an error the operator must see.
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
            KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions;
            try {
                partitions = created.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            } catch (RuntimeException e) {
                created.close();
                throw new StoreUnavailableException("cannot read topic " + topic + ": " + e.getMessage(), e);
            }
            if (partitions.isEmpty()) {
                created.close();
                throw new StoreUnavailableException("topic " + topic + " does not exist: create it with cleanup.policy=compact");
            }
            created.assign(partitions);
            created.seekToBeginning(partitions);
            consumer = created;
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
