package io.nianbao.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Per-stage throughput from the outside: every stage's output topic's end offsets, sampled at a fixed interval while
 * the benchmark runs. A stage's rate is the records it appended divided by the time from its first to its last
 * append (to the sampling interval), so a stage that waits for its input is not blamed for the wait. The records are
 * counted by reading them (read_committed), not from the offsets: each transaction validate-service commits leaves a
 * marker that takes an offset in every partition it wrote.
 */
final class TopicThroughput implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final String bootstrapServers;
    private final Admin admin;
    private final List<String> topics;
    private final Map<String, List<TopicPartition>> partitions;
    private final List<Sample> samples = new ArrayList<>();
    /** Every partition's end offset when sampling began: where the appended records start. */
    private final Map<TopicPartition, Long> startOffsets;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-offsets");
        thread.setDaemon(true);
        return thread;
    });

    /** The end offsets of every topic at one moment, summed over its partitions (records and markers). */
    private record Sample(long nanos, Map<String, Long> endOffsets) {
    }

    /**
     * A stage's appended records (and the offsets they and the transactions' markers took) and the seconds it took,
     * from its first to its last append; {@code firstAfter}: the seconds from the start of sampling to its first
     * append, the delay before the stage produced anything.
     */
    record Rate(String topic, long records, long offsets, double seconds, double firstAfter) {
        double perSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    TopicThroughput(String bootstrapServers, List<String> topics) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(properties);
        this.topics = topics;
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        this.partitions = descriptions.values().stream().collect(Collectors.toMap(TopicDescription::name,
                description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())).toList()));
        this.startOffsets = endOffsets();
        sample();
        sampler.scheduleAtFixedRate(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = partitions.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private void sample() {
        try {
            Map<TopicPartition, Long> offsets = endOffsets();
            Map<String, Long> totals = topics.stream().collect(Collectors.toMap(topic -> topic,
                    topic -> partitions.get(topic).stream().mapToLong(offsets::get).sum()));
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), totals));
            }
        } catch (Exception e) {
            // A missed sample only makes the measurement coarser.
        }
    }

    /** The records appended to {@code topic} since sampling began, as of the latest sample. */
    long appended(String topic) {
        synchronized (samples) {
            return samples.get(samples.size() - 1).endOffsets().get(topic) - samples.get(0).endOffsets().get(topic);
        }
    }

    /** Waits until no topic has grown for {@code quiet}, or until {@code deadlineNanos}: the stages have drained. */
    void awaitQuiet(Duration quiet, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            synchronized (samples) {
                Sample last = samples.get(samples.size() - 1);
                long unchangedSince = last.nanos();
                for (int i = samples.size() - 1; i >= 0 && samples.get(i).endOffsets().equals(last.endOffsets()); i--) {
                    unchangedSince = samples.get(i).nanos();
                }
                if (last.nanos() - unchangedSince >= quiet.toNanos()) {
                    return;
                }
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Every topic's rate over the samples taken so far. */
    List<Rate> rates() throws Exception {
        Map<TopicPartition, Long> endOffsets = endOffsets();
        sample();
        List<Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        Sample first = taken.get(0);
        Sample last = taken.get(taken.size() - 1);
        List<Rate> rates = new ArrayList<>();
        for (String topic : topics) {
            long start = first.endOffsets().get(topic);
            long end = last.endOffsets().get(topic);
            long firstAppend = first.nanos();
            long lastAppend = first.nanos();
            for (int i = 1; i < taken.size(); i++) {
                long before = taken.get(i - 1).endOffsets().get(topic);
                long now = taken.get(i).endOffsets().get(topic);
                if (before == start && now > start) {
                    firstAppend = taken.get(i - 1).nanos();
                }
                if (before < end && now == end) {
                    lastAppend = taken.get(i).nanos();
                }
            }
            rates.add(new Rate(topic, committedRecords(partitions.get(topic), endOffsets), end - start,
                    (lastAppend - firstAppend) / 1e9, (firstAppend - first.nanos()) / 1e9));
        }
        return rates;
    }

    /**
     * The committed records of the partitions from where sampling began up to {@code endOffsets}, read; -1 when they
     * could not all be read within a minute (a transaction left open holds read_committed back).
     */
    private long committedRecords(List<TopicPartition> topicPartitions, Map<TopicPartition, Long> endOffsets) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> unread = new ArrayList<>(topicPartitions.stream()
                    .filter(partition -> endOffsets.get(partition) > startOffsets.get(partition)).toList());
            consumer.assign(unread);
            unread.forEach(partition -> consumer.seek(partition, startOffsets.get(partition)));
            long records = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!unread.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    records += record.offset() < endOffsets.get(partition) ? 1 : 0;
                }
                unread.removeIf(partition -> consumer.position(partition) >= endOffsets.get(partition));
            }
            return unread.isEmpty() ? records : -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
