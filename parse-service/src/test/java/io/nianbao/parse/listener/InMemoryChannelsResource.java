package io.nianbao.parse.listener;

import java.util.HashMap;
import java.util.Map;

import io.nianbao.parse.producer.DeadLetterProducer;
import io.nianbao.parse.producer.ParsedReportProducer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** Swaps the Kafka channels for in-memory ones: this test is about the bean, not the broker. */
public class InMemoryChannelsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>();
        properties.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(RawReportListener.RAW_REPORTS));
        properties.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(ParsedReportProducer.PARSED_REPORTS,
                DeadLetterProducer.DEAD_LETTERS));
        return properties;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
