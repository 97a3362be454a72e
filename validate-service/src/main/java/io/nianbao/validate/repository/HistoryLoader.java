package io.nianbao.validate.repository;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.nianbao.schema.Topics;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads reports.history from its beginning to its end before the messaging channels start (they start at
 * priority LIBRARY_BEFORE), so the first parsed report is already judged against every year known before the
 * restart. A broker without the topic yet (a fresh cluster, not set up by the launcher) gets it created here,
 * compacted and partitioned like reports.parsed; an empty history is then loaded, and nothing was lost: no
 * report has been validated without it.
 */
@ApplicationScoped
public class HistoryLoader {
    private static final Logger LOG = Logger.getLogger(HistoryLoader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ConfigProperty(name = "nianbao.history.preload", defaultValue = "true")
    boolean preload;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    HistoryStore store;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!preload) {
            return;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                createTopic(consumer.partitionsFor(Topics.PARSED, TIMEOUT).size());
                partitions = partitions(consumer);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            int loaded = 0;
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    store.load(record.key(), record.value());
                    loaded++;
                }
            }
            LOG.infof("loaded %d history entries from %s", loaded, HistoryStore.TOPIC);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        return consumer.partitionsFor(HistoryStore.TOPIC, TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void createTopic(int parsedPartitions) {
        NewTopic topic = historyTopic(parsedPartitions);
        LOG.infof("topic %s does not exist on %s: creating it (%d partitions, compacted)", topic.name(),
                bootstrapServers, topic.numPartitions());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic.name() + " on " + bootstrapServers, e.getCause());
            }
            // Another instance created it at the same time: what is wanted.
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic.name() + " on " + bootstrapServers, e);
        }
    }

    /**
     * Compacted (the latest entry per agency and year is all the rules need), as many partitions as reports.parsed
     * (at least one), the broker's default replication.
     */
    static NewTopic historyTopic(int parsedPartitions) {
        return new NewTopic(HistoryStore.TOPIC, Optional.of(Math.max(parsedPartitions, 1)), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
