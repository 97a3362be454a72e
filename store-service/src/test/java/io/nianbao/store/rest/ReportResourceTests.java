package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.validated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ReportResourceTests {
    private static final String OPERATOR_AS_NAME = "{\"$gt\":\"\"}";

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @BeforeEach
    void storeReports() {
        store.clear();
        reports.store(validated("r0", "盐池县花马池镇", 2024, "64", "p1"));
        reports.store(validated("r1", "盐池县花马池镇", 2024, "64", "p1"));
        reports.store(validated("r2", "中宁县白马乡", 2023, "64", "p1"));
        reports.store(validated("r3", "孟津区白鹤镇人民政府", 2024, "41", "p1"));
        reports.store(validated("r4", "洪山镇人民政府", 2024, null, "p1"));
    }

    @Test
    void listsReportsNewestYearFirstThenByAgency() {
        given().get("/api/reports").then().statusCode(200)
                .body("items.reportId", contains("r3", "r4", "r1", "r2"))
                .body("page", is(0)).body("size", is(20)).body("total", is(4));
    }

    @Test
    void filtersByProvinceYearAndAgency() {
        given().queryParam("province", "64").get("/api/reports").then()
                .body("items.reportId", contains("r1", "r2"));
        given().queryParam("province", "64").queryParam("year", "2024").get("/api/reports").then()
                .body("items.reportId", contains("r1"));
        given().queryParam("agency", "中宁县白马乡").get("/api/reports").then()
                .body("items.reportId", contains("r2"));
        given().queryParam("year", "2022").get("/api/reports").then()
                .body("total", is(0));
    }

    @Test
    void pagesThroughTheReports() {
        given().queryParam("size", "3").queryParam("page", "1").get("/api/reports").then().statusCode(200)
                .body("items.reportId", contains("r2"))
                .body("page", is(1)).body("size", is(3)).body("total", is(4));
    }

    @Test
    void findsAReportByItsDocumentIdItsReportIdOrAnEarlierReportId() {
        given().get("/api/reports/{id}", "64|盐池县花马池镇|2024").then().statusCode(200)
                .body("reportId", is("r1")).body("id", is("64|盐池县花马池镇|2024"));
        given().get("/api/reports/{id}", "r1").then().statusCode(200).body("reportId", is("r1"));
        given().get("/api/reports/{id}", "r0").then().statusCode(200)
                .body("reportId", is("r1")).body("history.reportId", contains("r0"));
    }

    @Test
    void aReportIsTheWholeDocumentWithUnreadValuesAsNull() {
        given().get("/api/reports/{id}", "r2").then().statusCode(200)
                .body("agency", is("中宁县白马乡")).body("year", is(2023)).body("provinceCode", is("64"))
                .body("status", is("consistent")).body("alertCount", is(0))
                .body("source.receivedAt", is("2025-01-20T08:00:00Z"))
                .body("completeness.cellsRead", is(10))
                .body("containsKey('applications')", is(true)).body("applications", nullValue())
                .body("containsKey('_id')", is(false))
                .body("containsKey('scorecard')", is(false));
        given().get("/api/reports").then().body("items.find { it.containsKey('scorecard') }", nullValue());
    }

    @Test
    void anUnknownReportIsNotFound() {
        given().get("/api/reports/{id}", "nope").then().statusCode(404)
                .body("error", is("not_found")).body("message", containsString("nope"));
    }

    @ParameterizedTest
    @CsvSource({ "page, -1", "page, first", "size, 0", "size, 201", "size, 1e3", "year, 2024x",
            "province, 6401", "province, $ne" })
    void anInvalidParameterIsABadRequestSayingWhichAndWhy(String name, String value) {
        given().queryParam(name, value).get("/api/reports").then().statusCode(400)
                .body("error", is("invalid_parameter")).body("message", containsString(name))
                .body("message", containsString(value));
    }

    @Test
    void operatorsInParametersAreMatchedAsPlainStrings() {
        reports.store(validated("r5", OPERATOR_AS_NAME, 2024, "64", "p1"));

        given().queryParam("agency", "{\"$ne\":null}").get("/api/reports").then().statusCode(200).body("total", is(0));
        given().queryParam("agency", "$ne").get("/api/reports").then().statusCode(200).body("total", is(0));
        given().queryParam("agency", OPERATOR_AS_NAME).get("/api/reports").then().statusCode(200)
                .body("items.reportId", contains("r5"));
        given().urlEncodingEnabled(false).get("/api/reports/%7B%22%24ne%22%3Anull%7D").then().statusCode(404)
                .body("message", containsString("{\"$ne\":null}"));
        given().get("/api/reports/{id}", "$where").then().statusCode(404)
                .body("message", equalTo("no stored report has the id $where"));
    }
}
