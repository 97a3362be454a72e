package io.nianbao.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.nianbao.schema.RawReport;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * Re-reads {@code reports.raw} through parse-service: the records published since a time are published again, as
 * they are, each document once (its latest record), with {@code nianbao-replay-of} saying why. parse-service reads
 * them as it reads any record; the store keeps the newer parser's result as the current version and the older in
 * the report's history, and an unchanged result changes nothing. The log is read up to where it ended when the
 * replay began, so the copies it publishes are never read again by the same replay.
 */
public final class RawReplay {
    /** A replay's count: raw records read, documents published again. */
    public record Result(long read, long published) {
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_RECORD_BYTES = 20_971_520;

    private final String bootstrapServers;

    public RawReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Two passes over the same stretch of the log: the first finds each document's latest record (keeping only
     * where it is, not its bytes), the second publishes those that are {@code wanted} again.
     *
     * @param wanted whether a document (by its report id) is to be replayed
     */
    public Result replay(Instant since, Predicate<String> wanted, String reason) {
        Map<String, String> latest = new HashMap<>();
        long[] read = {0};
        long[] published = {0};
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, Long> start = new HashMap<>();
            consumer.offsetsForTimes(query).forEach((partition, found) -> {
                if (found != null && found.offset() < end.get(partition)) {
                    start.put(partition, found.offset());
                }
            });
            readStretch(consumer, start, end, record -> {
                read[0]++;
                latest.put(reportId(record), place(record));
            });
            Set<String> chosen = new HashSet<>();
            latest.forEach((reportId, place) -> {
                if (wanted.test(reportId)) {
                    chosen.add(place);
                }
            });
            readStretch(consumer, start, end, record -> {
                if (chosen.contains(place(record))) {
                    producer.send(copy(record, reason));
                    published[0]++;
                }
            });
            producer.flush();
        }
        return new Result(read[0], published[0]);
    }

    /** Every record of each partition from {@code start} up to (not including) {@code end}. */
    private static void readStretch(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end, Consumer<ConsumerRecord<String, byte[]>> action) {
        Set<TopicPartition> remaining = new HashSet<>(start.keySet());
        consumer.assign(remaining);
        start.forEach(consumer::seek);
        while (!remaining.isEmpty()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    action.accept(record);
                }
            }
            remaining.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            consumer.assign(remaining);
        }
    }

    /** The record as it was, in its partition, saying what replays it. */
    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.RAW, record.partition(), record.key(),
                record.value());
        for (Header header : record.headers()) {
            if (!RecordHeaders.REPLAY_OF.equals(header.key())) {
                copy.headers().add(header);
            }
        }
        copy.headers().add(new RecordHeader(RecordHeaders.REPLAY_OF, reason.getBytes(StandardCharsets.UTF_8)));
        return copy;
    }

    private static String place(ConsumerRecord<String, byte[]> record) {
        return record.partition() + "@" + record.offset();
    }

    private static String reportId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(RecordHeaders.REPORT_ID);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return AvroCodec.of(RawReport.class).decode(record.value()).getReportId();
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
        return config;
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return config;
    }
}
