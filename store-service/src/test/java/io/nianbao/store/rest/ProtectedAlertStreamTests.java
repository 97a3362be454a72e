package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.AlertListener;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The alert stream when reads need the API key, as a browser's EventSource (no headers) opens it. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@TestProfile(ProtectedAlertStreamTests.ProtectedReads.class)
class ProtectedAlertStreamTests {
    private static final String KEY = "test-api-key";

    public static class ProtectedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nianbao.api.protect-reads", "true");
        }
    }

    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    @Inject
    TestStore store;

    @Inject
    StreamTokens tokens;

    @Test
    void theStreamOpensWithATokenIssuedToTheKeyHolderAndDeliversAlerts() throws Exception {
        store.clear();
        String token = given().header(StoreApiKeyFilter.HEADER, KEY).get("/api/alerts/stream-token").then().statusCode(200)
                .extract().path("token");
        try (AlertFeedClient feed = AlertFeedClient.open(stream + "?token=" + token)) {
            assertThat(feed.status()).isEqualTo(200);
            feed.awaitLive(store);
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                    alert("protected-1", "r9", "64", 2024, Instant.parse("2025-02-03T00:00:00Z"))));

            assertThat(feed.next(1).get(0)).contains("\"alertId\":\"protected-1\"");
        }
    }

    @Test
    void theStreamIsRefusedWithoutTheKeyOrAValidToken() throws Exception {
        assertThat(open("").statusCode()).isEqualTo(401);
        assertThat(open("?token=" + tokens.issue(Instant.now()).orElseThrow().token() + "x").statusCode()).isEqualTo(401);
        assertThat(open("?token=not-a-token").statusCode()).isEqualTo(401);
        String expired = tokens.issue(Instant.now().minus(StreamTokens.LIFETIME).minusSeconds(1)).orElseThrow().token();
        given().queryParam("token", expired).get("/api/alerts/stream").then().statusCode(401)
                .body("message", containsString("expired"));
    }

    @Test
    void aTokenIsIssuedOnlyToTheKeyHolderAndOpensNothingButTheStream() {
        given().get("/api/alerts/stream-token").then().statusCode(401);
        given().header(StoreApiKeyFilter.HEADER, "wrong").get("/api/alerts/stream-token").then().statusCode(401);
        String token = tokens.issue(Instant.now()).orElseThrow().token();
        given().queryParam("token", token).get("/api/alerts").then().statusCode(401);
        given().queryParam("token", token).get("/api/reports").then().statusCode(401);
        given().header(StoreApiKeyFilter.HEADER, KEY).get("/api/alerts").then().statusCode(200);
    }

    private HttpResponse<InputStream> open(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stream + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
