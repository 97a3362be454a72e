package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.nianbao.schema.Topics;

/** The real broker and the real embedded store, each in its own JVM, as {@code nianbao up} starts them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dataDir;

    private LocalStack stack;
    private final List<Long> pids = new ArrayList<>();

    @BeforeAll
    void startTheBrokerAndTheStore() {
        stack = LocalStack.builder(NianbaoHome.locate(), dataDir)
                .ports(StackPorts.free())
                .partitions(PARTITIONS)
                .services(List.of())
                .progress(line -> System.out.println("[stack] " + line))
                .start();
        pids.add(stack.pid(KafkaBroker.COMPONENT));
        pids.add(stack.pid(MongoStore.COMPONENT));
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyPipelineTopicExistsWithItsPartitionsAndRawReportsAcceptLargeRecords() throws Exception {
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(stack.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(Topics.ALL);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(PARTITIONS));

            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
            assertThat(admin.describeConfigs(List.of(raw)).all().get(30, TimeUnit.SECONDS).get(raw)
                    .get("max.message.bytes").value()).isEqualTo("20971520");
        }
        // Ensuring again, as every later start does, changes nothing and does not fail.
        KafkaTopics.ensure(stack.bootstrapServers(), PARTITIONS);
    }

    @Test
    @Order(2)
    void aProducedRecordIsConsumed() {
        produce("first");

        assertThat(consumeAll()).containsExactly("first");
    }

    @Test
    @Order(3)
    void aDocumentWrittenSurvivesTheStoreBeingKilledAndRestarted() {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            reports(client).insertOne(new Document("_id", "report-1").append("agency", "盐池县花马池镇").append("year", 2024));
        }

        stack.kill(MongoStore.COMPONENT);
        stack.restart(MongoStore.COMPONENT);
        pids.add(stack.pid(MongoStore.COMPONENT));

        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            Document found = reports(client).find(Filters.eq("_id", "report-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("agency")).isEqualTo("盐池县花马池镇");
            assertThat(found.getInteger("year")).isEqualTo(2024);
        }
    }

    @Test
    @Order(4)
    void theBrokerKeepsItsTopicsAndRecordsAcrossARestart() {
        stack.restart(KafkaBroker.COMPONENT);
        pids.add(stack.pid(KafkaBroker.COMPONENT));
        produce("second");

        assertThat(consumeAll()).containsExactly("first", "second");
    }

    @Test
    @Order(5)
    void closingStopsEveryProcessAndClearsTheRunDirectory() {
        stack.close();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(new RunningStack(dataDir).anyRunning()).isFalse();
        assertThat(new RunDirectory(dataDir).readStack()).isEmpty();
    }

    private static MongoCollection<Document> reports(MongoClient client) {
        return client.getDatabase("nianbao").getCollection("reports");
    }

    /** One key, so every record lands on one partition and their order is checkable. */
    private void produce(String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PARSED, "agency", value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce " + value, e);
        }
    }

    /** Everything on the topic from the start, read by a fresh consumer group until two empty polls in a row. */
    private List<String> consumeAll() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PARSED));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int emptyAfterData = 0;
            while (emptyAfterData < 2 && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, String> record : records) {
                    values.add(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                }
                emptyAfterData = records.isEmpty() && !values.isEmpty() ? emptyAfterData + 1 : 0;
            }
        }
        return values;
    }
}
