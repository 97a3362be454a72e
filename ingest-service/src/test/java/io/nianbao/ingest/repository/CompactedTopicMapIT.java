package io.nianbao.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.nianbao.schema.Topics;

/** The crawl state on a real broker: what one instance wrote, a restarted or another instance reads. */
class CompactedTopicMapIT {
    /** Created compacted by the launcher, as for the whole pipeline. */
    private static final String TOPIC = Topics.CRAWL_STATE;

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Test
    void writesSurviveARestartAndReachOtherInstances() {
        try (CompactedTopicMap first = CompactedTopicMap.kafka(TOPIC, broker.bootstrapServers())) {
            first.refresh();
            first.put("http://a.gov.cn/1.pdf", bytes("v1"));
            first.put("http://a.gov.cn/2.pdf", bytes("v1"));
            first.put("http://a.gov.cn/1.pdf", bytes("v2"));
            first.remove("http://a.gov.cn/2.pdf");
        }

        try (CompactedTopicMap restarted = CompactedTopicMap.kafka(TOPIC, broker.bootstrapServers());
             CompactedTopicMap other = CompactedTopicMap.kafka(TOPIC, broker.bootstrapServers())) {
            restarted.refresh();
            other.refresh();
            assertThat(restarted.get("http://a.gov.cn/1.pdf")).hasValueSatisfying(v -> assertThat(text(v)).isEqualTo("v2"));
            assertThat(restarted.get("http://a.gov.cn/2.pdf")).isEmpty();

            other.put("http://a.gov.cn/3.pdf", bytes("from other"));
            restarted.refresh();
            assertThat(restarted.get("http://a.gov.cn/3.pdf")).hasValueSatisfying(v -> assertThat(text(v)).isEqualTo("from other"));
        }
    }

    @Test
    void missingTopicIsAClearErrorNotAnAutoCreatedTopic() {
        try (CompactedTopicMap missing = CompactedTopicMap.kafka("crawl.nothing", broker.bootstrapServers())) {
            assertThatThrownBy(missing::refresh).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("crawl.nothing").hasMessageContaining("cleanup.policy=compact");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
