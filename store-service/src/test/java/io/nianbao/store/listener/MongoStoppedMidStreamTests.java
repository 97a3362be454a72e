package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.consumed;
import static io.nianbao.store.TestRecords.validated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Topics;
import io.nianbao.store.MongoLaterTestResource;
import io.nianbao.store.TestStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * MongoDB goes away while records arrive: they stay unacknowledged, the service says it is not ready, and once
 * MongoDB is back every one of them is stored, in order, once.
 */
@QuarkusTest
@WithTestResource(MongoLaterTestResource.RunningFirst.class)
class MongoStoppedMidStreamTests {
    private static final String CHECK = "checks.find { it.name == '" + MongoAvailability.CHECK + "' }.status";

    @Inject
    TestStore store;

    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    @Test
    void recordsDeliveredWhileMongoIsDownAreStoredInOrderOnceItIsBack() throws Exception {
        awaitReadiness(200, "UP");
        store.deliver(ValidatedReportListener.CHANNEL, report("before-1"));
        store.deliver(ValidatedReportListener.CHANNEL, report("before-2"));

        MongoLaterTestResource.stopMongo();
        List<CompletableFuture<Void>> pending = new ArrayList<>(List.of(send("during-1"), send("during-2")));
        awaitReadiness(503, "DOWN");
        pending.addAll(List.of(send("during-3"), send("during-4")));
        CompletableFuture<Void> alert = store.send(AlertListener.CHANNEL,
                consumed(Topics.ALERTS, alert("alert-1", "during-1", "64", 2024, Instant.now())));
        given().get("/api/reports").then().statusCode(503).body("error", is("store_unavailable"));
        // Waiting, not failed: nothing is acknowledged (committed) or nacked while MongoDB is away.
        Thread.sleep(2000);
        assertThat(pending).noneMatch(CompletableFuture::isDone);
        assertThat(alert).isNotDone();

        MongoLaterTestResource.startMongo();

        awaitReadiness(200, "UP");
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        alert.get(30, TimeUnit.SECONDS);
        assertThat(acknowledged).containsExactly("during-1", "during-2", "during-3", "during-4");
        List<Document> stored = store.reports().find().into(new ArrayList<>());
        assertThat(stored).extracting(document -> document.getString("reportId")).containsExactlyInAnyOrder(
                "before-1", "before-2", "during-1", "during-2", "during-3", "during-4");
        assertThat(stored).allSatisfy(document -> assertThat(document.getList("history", Document.class, List.of()))
                .isEmpty());
        assertThat(Stream.of("during-1", "during-2", "during-3", "during-4").map(id -> storedAt(stored, id)).toList())
                .isSorted();
        assertThat(store.alerts().countDocuments()).isEqualTo(1);
        assertThat(store.deadLetters()).isEmpty();
        given().get("/api/reports").then().statusCode(200).body("total", is(6));
    }

    private static Date storedAt(List<Document> stored, String reportId) {
        return stored.stream().filter(document -> reportId.equals(document.getString("reportId"))).findFirst()
                .orElseThrow().getDate("storedAt");
    }

    private CompletableFuture<Void> send(String reportId) {
        return store.send(ValidatedReportListener.CHANNEL, report(reportId))
                .thenRun(() -> acknowledged.add(reportId));
    }

    /** One agency per report, so each is a document of its own. */
    private static ConsumerRecord<String, byte[]> report(String reportId) {
        return consumed(Topics.VALIDATED, validated(reportId, reportId + "镇人民政府", 2024, "64", "p-" + reportId));
    }

    private static void awaitReadiness(int status, String state) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(status).body(CHECK, is(state)));
    }
}
