package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.AlertService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class AlertResourceTests {
    private static final Instant RAISED = Instant.parse("2025-02-01T10:00:00Z");

    @Inject
    TestStore store;

    @Inject
    AlertService alerts;

    @BeforeEach
    void storeAlerts() {
        store.clear();
        alerts.store(alert("a1", "r1", "64", 2024, RAISED));
        alerts.store(alert("a2", "r1", "64", 2024, RAISED.plusSeconds(1)));
        alerts.store(alert("a3", "r2", "41", 2023, RAISED.plusSeconds(2)));
    }

    @Test
    void listsAlertsMostRecentlyRaisedFirst() {
        given().get("/api/alerts").then().statusCode(200)
                .body("items.alertId", contains("a3", "a2", "a1"))
                .body("items[0].raisedAt", is("2025-02-01T10:00:02Z"))
                .body("items[0].ruleId", is("S3-BALANCE"))
                .body("total", is(3));
    }

    @Test
    void filtersByReportProvinceAndYear() {
        given().queryParam("reportId", "r1").get("/api/alerts").then()
                .body("items.alertId", contains("a2", "a1")).body("total", is(2));
        given().queryParam("province", "41").queryParam("year", "2023").get("/api/alerts").then()
                .body("items.alertId", contains("a3"));
        given().queryParam("province", "64").queryParam("year", "2023").get("/api/alerts").then()
                .body("total", is(0));
    }

    @Test
    void pagesThroughTheAlerts() {
        given().queryParam("size", "1").queryParam("page", "2").get("/api/alerts").then().statusCode(200)
                .body("items.alertId", contains("a1")).body("page", is(2)).body("size", is(1)).body("total", is(3));
    }

    @Test
    void anInvalidParameterIsABadRequest() {
        given().queryParam("size", "500").get("/api/alerts").then().statusCode(400)
                .body("error", is("invalid_parameter")).body("message", containsString("size"));
        given().queryParam("year", "last").get("/api/alerts").then().statusCode(400)
                .body("message", containsString("year"));
    }

    @Test
    void anOperatorAsReportIdMatchesNothing() {
        given().queryParam("reportId", "{\"$ne\":null}").get("/api/alerts").then().statusCode(200).body("total", is(0));
        given().queryParam("reportId", "$ne").get("/api/alerts").then().statusCode(200).body("total", is(0));
    }
}
