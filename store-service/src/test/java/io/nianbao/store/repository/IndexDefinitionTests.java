package io.nianbao.store.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embedded store keeps index definitions but plans no queries with non-unique secondary indexes, so there
 * is no explain to check here: these tests check that the indexes the queries need are defined at startup,
 * each listing's leading with the shard key's provinceCode where the listing filters by province.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class IndexDefinitionTests {
    @Inject
    TestStore store;

    /** The indexes are created in the background once MongoDB answers (MongoAvailability): ready means created. */
    @BeforeEach
    void waitUntilReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void theReportsCollectionHasTheListingAndLookupIndexes() {
        List<Document> keys = store.reports().listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>());
        assertThat(keys).contains(
                new Document("provinceCode", 1).append("agency", 1),
                new Document("provinceCode", 1).append("year", -1).append("agency", 1),
                new Document("provinceCode", 1).append("division.cityCode", 1).append("division.countyCode", 1)
                        .append("year", 1),
                new Document("findings.ruleId", 1),
                new Document("reportId", 1),
                new Document("history.reportId", 1));
    }

    @Test
    void theAlertsCollectionHasTheFeedsIndexes() {
        List<Document> keys = store.alerts().listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>());
        assertThat(keys).contains(
                new Document("provinceCode", 1).append("year", 1).append("raisedAt", -1),
                new Document("ruleId", 1).append("raisedAt", -1),
                new Document("raisedAt", -1));
    }
}
