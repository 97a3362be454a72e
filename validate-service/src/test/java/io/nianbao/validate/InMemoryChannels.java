package io.nianbao.validate;

import java.util.HashMap;
import java.util.Map;

import io.nianbao.validate.listener.HistoryListener;
import io.nianbao.validate.listener.ParsedReportListener;
import io.nianbao.validate.publisher.ReportPublisher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** Puts the service's Kafka channels on the in-memory connector: a test of the beans, not of the broker. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>();
        properties.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(
                ParsedReportListener.PARSED_REPORTS, HistoryListener.HISTORY));
        properties.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(
                ReportPublisher.VALIDATED_REPORTS, ReportPublisher.ALERTS, ReportPublisher.DEAD_LETTERS,
                ReportPublisher.HISTORY_ENTRIES));
        return properties;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
