package io.nianbao.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroSerializer;
import io.nianbao.schema.kafka.DeadLetterDeserializer;
import io.nianbao.schema.kafka.ParsedReportDeserializer;
import io.nianbao.schema.kafka.PlacePartitioner;

/** Direct access to the broker, for what a test must see or do below the HTTP APIs. */
final class PipelineTopics implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;

    PipelineTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Writes bytes that are no Avro record at all onto a topic, as a broken producer would. */
    void produceRaw(String topic, String key, byte[] value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every dead letter on reports.dlq so far. */
    List<DeadLetter> deadLetters() {
        return all(Topics.DLQ, new DeadLetterDeserializer());
    }

    /** Every record on {@code topic} so far, from all partitions. */
    <T> List<T> all(String topic, Deserializer<T> values) {
        return records(topic, values).stream().map(ConsumerRecord::value).toList();
    }

    /** Every record on {@code topic} so far, from all partitions, with its key and headers. */
    <T> List<ConsumerRecord<String, T>> records(String topic, Deserializer<T> values) {
        return records(topic, values, "read_uncommitted");
    }

    /**
     * Every record on {@code topic} that its producer's transaction committed, as the pipeline's consumers read it:
     * what validate-service wrote in a transaction that was aborted (it was killed before committing) is left out.
     */
    <T> List<ConsumerRecord<String, T>> committedRecords(String topic, Deserializer<T> values) {
        return records(topic, values, "read_committed");
    }

    private <T> List<ConsumerRecord<String, T>> records(String topic, Deserializer<T> values, String isolation) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Publishes to reports.parsed what an older parser made of these documents, as the store holds them after a
     * parser upgrade: the record parse-service published for each (its latest), re-stamped with
     * {@code parserVersion}, under the same key and headers, Avro-encoded and partitioned as parse-service's
     * producer does. There is no build of an older parser to run, and the content does not matter here: only the
     * version decides what the store keeps and what a replay selects.
     *
     * @return how many records were published: one per document parse-service parsed
     */
    int publishParsedBy(String parserVersion, Collection<String> reportIds) throws Exception {
        Map<String, ConsumerRecord<String, ParsedReport>> latest = new HashMap<>();
        for (ConsumerRecord<String, ParsedReport> record : records(Topics.PARSED, new ParsedReportDeserializer())) {
            if (reportIds.contains(record.value().getReportId())) {
                latest.put(record.value().getReportId(), record);
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlacePartitioner.class.getName());
        try (KafkaProducer<String, SpecificRecord> producer =
                new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer())) {
            for (ConsumerRecord<String, ParsedReport> record : latest.values()) {
                ParsedReport older = ParsedReport.newBuilder(record.value()).setParserVersion(parserVersion).build();
                producer.send(new ProducerRecord<>(Topics.PARSED, null, record.key(), older, record.headers())).get();
            }
        }
        return latest.size();
    }

    List<DeadLetter> deadLetters(Predicate<DeadLetter> filter) {
        return deadLetters().stream().filter(filter).collect(Collectors.toList());
    }

    /**
     * Records on {@code topic} the consumer group has not committed yet, counted by reading them as a consumer of
     * committed data does: the end offset alone also counts the transaction markers that validate-service's
     * exactly-once writes leave on its output topics, which no consumer commits past.
     */
    long lag(String group, String topic) throws Exception {
        return lag(group, topic, partition -> true);
    }

    /** As {@link #lag(String, String)}, on these partitions of the topic only. */
    long lag(String group, String topic, Collection<Integer> partitions) throws Exception {
        return lag(group, topic, partitions::contains);
    }

    private long lag(String group, String topic, Predicate<Integer> counted) throws Exception {
        return uncommitted(group, topic, counted, new ByteArrayDeserializer()).size();
    }

    private <T> List<T> uncommitted(String group, String topic, Predicate<Integer> counted, Deserializer<T> values)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().filter(p -> counted.test(p.partition()))
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                consumer.seek(partition, done == null ? 0 : done.offset());
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(record.value()));
            }
        }
        return records;
    }

    /** How many members of the consumer group are assigned partitions of the topic. */
    int membersWithPartitions(String group, String topic) throws Exception {
        return (int) admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().stream()
                .filter(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                .count();
    }

    /** The records on {@code topic} past {@code group}'s committed offsets, as a consumer of committed data reads them. */
    <T> List<T> uncommitted(String group, String topic, Deserializer<T> values) throws Exception {
        return uncommitted(group, topic, partition -> true, values);
    }

    /**
     * Whether a producer's transaction on {@code topic} is open: some partition's last stable offset (the end a
     * consumer of committed data sees) short of its end, records written but neither committed nor aborted yet.
     */
    boolean openTransaction(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest()));
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        var end = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        return latest.keySet().stream().anyMatch(p -> stable.get(p).offset() < end.get(p).offset());
    }

    @Override
    public void close() {
        admin.close();
    }
}
