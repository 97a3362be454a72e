package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.AlertListener;
import io.nianbao.store.TestRecords;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class AlertStreamTests {
    private static final Instant RAISED = Instant.parse("2025-02-03T00:00:00Z");

    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    @Inject
    TestStore store;

    @Test
    void anAlertConsumedFromKafkaIsPushedToTheFeedOnceEvenWhenRedelivered() throws Exception {
        store.clear();
        try (AlertFeedClient feed = AlertFeedClient.open(stream.toString())) {
            assertThat(feed.contentType()).startsWith("text/event-stream");
            feed.awaitLive(store);
            var alert = alert("live-1", "r9", "64", 2024, RAISED);
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts", alert));
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts", alert));
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                    alert("live-2", "r9", "64", 2024, RAISED.plusSeconds(1))));

            List<String> data = feed.next(2);

            assertThat(data.get(0)).contains("\"alertId\":\"live-1\"").contains("\"ruleId\":\"S3-BALANCE\"");
            assertThat(data.get(1)).contains("\"alertId\":\"live-2\"");
        }
    }

    @Test
    void aBurstOfAlertsReachesTheFeedWholeWhileTheFeedIsStillWriting() throws Exception {
        // One inconsistent report raises several alerts back to back, faster than an event is written out.
        store.clear();
        int burst = 200;
        try (AlertFeedClient feed = AlertFeedClient.open(stream.toString()).awaitLive(store)) {
            List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                acknowledged.add(store.send(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                        alert("burst-" + i, "r10", "64", 2024, RAISED.plusSeconds(i)))));
            }
            CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            List<String> data = feed.next(burst);

            for (int i = 0; i < burst; i++) {
                assertThat(data.get(i)).contains("\"alertId\":\"burst-" + i + "\"");
            }
        }
    }
}
