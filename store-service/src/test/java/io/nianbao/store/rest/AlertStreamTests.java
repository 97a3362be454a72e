package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    @Inject
    TestStore store;

    @Test
    void anAlertConsumedFromKafkaIsPushedToTheFeedOnceEvenWhenRedelivered() throws Exception {
        store.clear();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            var alert = alert("live-1", "r9", "64", 2024, Instant.parse("2025-02-03T00:00:00Z"));
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts", alert));
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts", alert));
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                    alert("live-2", "r9", "64", 2024, Instant.parse("2025-02-03T00:00:01Z"))));
            CompletableFuture<String> events = CompletableFuture.supplyAsync(() -> {
                StringBuilder data = new StringBuilder();
                lines.lines().filter(line -> line.startsWith("data:")).limit(2).forEach(data::append);
                return data.toString();
            });
            String data = events.get(30, TimeUnit.SECONDS);
            assertThat(data).contains("\"alertId\":\"live-1\"").contains("\"alertId\":\"live-2\"")
                    .contains("\"ruleId\":\"S3-BALANCE\"");
        }
    }

    @Test
    void aBurstOfAlertsReachesTheFeedWholeWhileTheFeedIsStillWriting() throws Exception {
        // One inconsistent report raises several alerts back to back, faster than an event is written out.
        store.clear();
        int burst = 200;
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                acknowledged.add(store.send(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                        alert("burst-" + i, "r10", "64", 2024, Instant.parse("2025-02-03T00:00:00Z").plusSeconds(i)))));
            }
            CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() ->
                    lines.lines().filter(line -> line.startsWith("data:")).limit(burst).toList());

            List<String> data = events.get(30, TimeUnit.SECONDS);

            assertThat(data).hasSize(burst);
            for (int i = 0; i < burst; i++) {
                assertThat(data.get(i)).contains("\"alertId\":\"burst-" + i + "\"");
            }
        }
    }
}
