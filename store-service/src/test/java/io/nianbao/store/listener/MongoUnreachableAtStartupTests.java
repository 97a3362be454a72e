package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.validated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoLaterTestResource;
import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service starts without MongoDB, says it is not ready, consumes nothing, and gets going when MongoDB comes. */
@QuarkusTest
@WithTestResource(MongoLaterTestResource.class)
class MongoUnreachableAtStartupTests {
    private static final String READINESS_CHECK = MongoAvailability.CHECK;

    @Inject
    TestStore store;

    @Test
    void startsNotReadyWithoutMongoAndBecomesReadyAndConsumesWhenItComesUp() throws Exception {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == '" + READINESS_CHECK + "' }.status", is("DOWN"));
        given().get("/api/reports").then().statusCode(503).body("error", is("store_unavailable"));
        CompletableFuture<Void> acked = store.send(ValidatedReportListener.CHANNEL,
                TestRecords.consumed("reports.validated", validated("later-1", "盐池县花马池镇人民政府", 2024, "64", "p1")));
        // Not consumed while there is nowhere to put it: it waits (uncommitted), it is not failed.
        Thread.sleep(2000);
        assertThat(acked).isNotDone();

        MongoLaterTestResource.startMongo();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem(READINESS_CHECK)));
        acked.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(store.reports().find(new Document("reportId", "later-1")).first()).isNotNull();
        assertThat(store.reports().listIndexes().map(index -> index.get("key", Document.class)).into(new ArrayList<>()))
                .contains(new Document("provinceCode", 1).append("agency", 1));
        given().get("/api/reports").then().statusCode(200).body("total", is(1));
    }
}
