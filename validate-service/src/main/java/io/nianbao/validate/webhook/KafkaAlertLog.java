package io.nianbao.validate.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.nianbao.schema.Alert;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;

/**
 * reports.alerts for one receiver: a consumer group named after the receiver's URL, so each receiver keeps its
 * own committed offset (instances of validate-service share a receiver's partitions), committed only after the
 * receiver took the alert. A new group starts from the beginning of the topic: no alert raised before the
 * receiver was configured is skipped.
 */
public class KafkaAlertLog implements AlertLog {
    private static final Logger LOG = Logger.getLogger(KafkaAlertLog.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<Alert> codec = AvroCodec.of(Alert.class);

    public KafkaAlertLog(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        // Alerts are written in the validation's transactions: an aborted attempt's alerts are never sent.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.ALERTS));
    }

    /** The group of a receiver: stable across restarts and instances, distinct per URL. */
    public static String groupId(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return "validate-service-webhook-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public List<PendingAlert> poll(Duration wait) {
        List<PendingAlert> pending = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : pollOrWoken(wait)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                Alert alert = codec.decode(record.value());
                pending.add(new PendingAlert(alert.getAlertId(), AlertJson.of(alert), record.partition(), record.offset()));
            } catch (UndecodableRecordException e) {
                // Written only by validate-service: nothing a receiver could use; the record stays in the topic.
                LOG.warnf("skipping undecodable alert %s@%d: %s", partition, record.offset(), e.getMessage());
            }
        }
        return pending;
    }

    @Override
    public void delivered(PendingAlert alert) {
        try {
            consumer.commitSync(Map.of(new TopicPartition(Topics.ALERTS, alert.partition()),
                    new OffsetAndMetadata(alert.offset() + 1)));
        } catch (WakeupException e) {
            // Stopping: the commit is retried by the next start, which delivers this alert once more.
        } catch (KafkaException e) {
            // The partition moved to another instance in a rebalance: it delivers from the last commit, again.
            LOG.warnf("commit after delivering alert %s failed: %s", alert.alertId(), e.getMessage());
        }
    }

    /**
     * Polls with every assigned partition paused, so the group keeps this member; a partition newly assigned in
     * the meantime may still return records: rewound, so they are handed out after the wait.
     */
    @Override
    public void hold(Duration wait) {
        consumer.pause(consumer.assignment());
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : pollOrWoken(wait)) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
        consumer.resume(consumer.paused());
    }

    @Override
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private ConsumerRecords<String, byte[]> pollOrWoken(Duration wait) {
        try {
            return consumer.poll(wait);
        } catch (WakeupException e) {
            return ConsumerRecords.empty();
        }
    }
}
