package io.nianbao.ingest.rest;

import java.util.Map;

import io.nianbao.ingest.producer.RawReportProducer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** Routes the reports.raw channel to the in-memory connector, whose sink acknowledges every message it receives. */
public class InMemoryRawReportsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.copyOf(InMemoryConnector.switchOutgoingChannelsToInMemory(RawReportProducer.CHANNEL));
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
