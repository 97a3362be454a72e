package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import io.nianbao.validate.repository.CompressedStores;
import io.quarkus.kafka.streams.runtime.KafkaStreamsPropertiesUtil;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka Streams configuration as Quarkus hands it over from application.properties. */
@QuarkusTest
class StreamsConfigTests {

    @Test
    void theStreamsApplicationHandsItsMetricsToNoReporter() {
        // The history's prefix scans add and remove a state-store metric each: a reporter pays for every one.
        Properties properties = KafkaStreamsPropertiesUtil.appKafkaStreamsProperties();
        Properties required = new Properties();
        required.putAll(properties);
        required.put(StreamsConfig.APPLICATION_ID_CONFIG, "validate-service");
        required.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");

        StreamsConfig config = new StreamsConfig(required);

        assertThat(properties).containsKey(StreamsConfig.METRIC_REPORTER_CLASSES_CONFIG);
        assertThat(config.getList(StreamsConfig.METRIC_REPORTER_CLASSES_CONFIG)).isEmpty();
    }

    @Test
    void theStoresAreCompressed() {
        assertThat(KafkaStreamsPropertiesUtil.appKafkaStreamsProperties())
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class.getName());
    }
}
