package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Topics;

class KafkaBrokerTests {

    private static Properties serverProperties() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(19092, 19093, Path.of("/data/kafka/data"))));
        return properties;
    }

    @Test
    void theBrokerIsOneKraftNodeThatIsBothBrokerAndController() throws Exception {
        Properties properties = serverProperties();

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data");
    }

    @Test
    void everyInternalTopicHasReplicationFactorOneAndNothingIsAutoCreated() throws Exception {
        Properties properties = serverProperties();

        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void theBrokerAcceptsRecordsOfTheUploadLimit() throws Exception {
        assertThat(serverProperties()).containsEntry("message.max.bytes", "20971520");
    }

    @Test
    void everyPipelineTopicIsCreatedWithTheConfiguredPartitionsAndRawReportsAndDeadLettersAcceptLargeRecords() {
        var topics = KafkaTopics.topics(7);
        var carryDocuments = java.util.Set.of(Topics.RAW, Topics.DLQ);

        assertThat(topics).extracting(NewTopic::name).containsExactlyElementsOf(Topics.ALL);
        assertThat(topics).allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(7));
        assertThat(topics).filteredOn(topic -> carryDocuments.contains(topic.name())).hasSize(2)
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry("max.message.bytes", "20971520"));
        assertThat(topics).filteredOn(topic -> Topics.COMPACTED.contains(topic.name())).hasSize(5)
                .allSatisfy(topic -> assertThat(topic.configs()).containsExactly(java.util.Map.entry("cleanup.policy", "compact")));
        assertThat(topics).filteredOn(topic -> !carryDocuments.contains(topic.name()) && !Topics.COMPACTED.contains(topic.name()))
                .hasSize(4).allSatisfy(topic -> assertThat(topic.configs()).isNullOrEmpty());
    }
}
