package io.nianbao.localstack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.nianbao.schema.Topics;

/** The pipeline's topics, created on whichever broker the stack uses; the services never rely on auto-creation. */
public final class KafkaTopics {
    public static final int DEFAULT_PARTITIONS = 12;

    private KafkaTopics() {
    }

    /**
     * Every topic of {@link Topics#ALL} with the given partitions and the broker's default replication factor (1 on
     * the local broker); raw reports, and the dead letters that carry them, accept records up to the upload limit.
     */
    static List<NewTopic> topics(int partitions) {
        return Topics.ALL.stream().map(name -> {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
            if (Topics.RAW.equals(name) || Topics.DLQ.equals(name)) {
                return topic.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaBroker.MAX_MESSAGE_BYTES)));
            }
            return Topics.COMPACTED.contains(name)
                    ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                    : topic;
        }).toList();
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are, so running it again changes nothing. */
    public static void ensure(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions).stream().filter(topic -> !existing.contains(topic.name())).toList();
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another launcher created it between our listing and our request: that is the state we want.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey() + " on " + bootstrapServers
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    static Properties adminConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return config;
    }
}
