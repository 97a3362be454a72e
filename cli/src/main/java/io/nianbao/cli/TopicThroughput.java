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
import org.apache.kafka.common.TopicPartition;

/**
 * Per-stage throughput from the outside: every stage's output topic's end offsets, sampled at a fixed interval while
 * the benchmark runs. A stage's rate is the records it appended divided by the time from its first to its last
 * append (to the sampling interval), so a stage that waits for its input is not blamed for the wait.
 */
final class TopicThroughput implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final Admin admin;
    private final List<String> topics;
    private final Map<String, List<TopicPartition>> partitions;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-offsets");
        thread.setDaemon(true);
        return thread;
    });

    /** The end offsets of every topic at one moment, summed over its partitions. */
    private record Sample(long nanos, Map<String, Long> endOffsets) {
    }

    /**
     * A stage's appended records and the seconds it took, from its first to its last append; {@code firstAfter}: the
     * seconds from the start of sampling to its first append, the delay before the stage produced anything.
     */
    record Rate(String topic, long records, double seconds, double firstAfter) {
        double perSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    TopicThroughput(String bootstrapServers, List<String> topics) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
        this.topics = topics;
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        this.partitions = descriptions.values().stream().collect(Collectors.toMap(TopicDescription::name,
                description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())).toList()));
        sample();
        sampler.scheduleAtFixedRate(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions.values().stream().flatMap(List::stream)
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            var offsets = admin.listOffsets(latest).all().get();
            Map<String, Long> totals = topics.stream().collect(Collectors.toMap(topic -> topic,
                    topic -> partitions.get(topic).stream().mapToLong(partition -> offsets.get(partition).offset()).sum()));
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
    List<Rate> rates() {
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
            rates.add(new Rate(topic, end - start, (lastAppend - firstAppend) / 1e9, (firstAppend - first.nanos()) / 1e9));
        }
        return rates;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
