package io.nianbao.validate.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class HistoryTopicTests {

    @Test
    void aMissingHistoryTopicIsCreatedCompactedWithThePartitionsOfTheParsedReports() {
        NewTopic topic = HistoryLoader.historyTopic(6);

        assertThat(topic.name()).isEqualTo("reports.history");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topic.replicationFactor()).as("the broker's default").isEqualTo((short) -1);
    }

    @Test
    void itHasAtLeastOnePartitionEvenBeforeTheParsedReportsTopicExists() {
        assertThat(HistoryLoader.historyTopic(0).numPartitions()).isEqualTo(1);
    }
}
