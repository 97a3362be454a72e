package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Alert;
import io.nianbao.schema.Denied;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.Severity;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.AlertService;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class QueryApiTests {
    private static final Instant RAISED = Instant.parse("2025-02-01T10:00:00Z");

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @Inject
    AlertService alerts;

    @BeforeEach
    void storeReports() {
        store.clear();
        reports.store(withFigures(validated("r1", "盐池县花马池镇人民政府", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 5, 2));
        reports.store(withFigures(validated("r2", "中宁县白马乡人民政府", 2024, "64", "p1"), "640521", 3, null));
        reports.store(validated("r3", "孟津区白鹤镇人民政府", 2023, "41", "p1"));
        reports.store(validated("r4", "盐池县.*", 2024, "64", "p1"));
    }

    @Test
    void filtersByAgencySubstringStatusRuleAndDivision() {
        given().queryParam("agency", "盐池县").get("/api/reports").then().statusCode(200)
                .body("items.reportId", contains("r4", "r1"));
        given().queryParam("agency", ".*").get("/api/reports").then().body("items.reportId", contains("r4"));
        given().queryParam("status", "errors").get("/api/reports").then().body("items.reportId", contains("r1"));
        given().queryParam("rule", "S3-BALANCE").get("/api/reports").then().body("items.reportId", contains("r1"));
        given().queryParam("county", "640521").get("/api/reports").then().body("items.reportId", contains("r2"));
        given().queryParam("city", "6403").get("/api/reports").then().body("items.reportId", contains("r1"));
        given().queryParam("template", "2019").get("/api/reports").then().body("total", is(0));
    }

    @Test
    void aCursorWalksTheWholeListingOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("size", "1").queryParam("sort", "agency");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/reports").then().statusCode(200).extract().response();
            seen.addAll(page.path("items.reportId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("r2", "r3", "r4", "r1");
    }

    @Test
    void aForgedCursorOrSortIsABadRequestSayingWhy() {
        String operator = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"after\":[{\"$gt\":0},\"x\",\"y\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("cursor", operator).get("/api/reports").then().statusCode(400)
                .body("message", containsString("cursor"));
        given().queryParam("cursor", "not a cursor").get("/api/reports").then().statusCode(400)
                .body("message", containsString("cursor"));
        given().queryParam("sort", "$natural").get("/api/reports").then().statusCode(400)
                .body("message", containsString("sort"));
        given().queryParam("status", "ok").get("/api/reports").then().statusCode(400)
                .body("message", containsString("status"));
    }

    @Test
    void everyBadFilterIsABadRequestNamingTheParameterOnTheListingTheExportsAndTheStatistics() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("province", "6");
        bad.put("city", "64a3");
        bad.put("county", "6403");
        bad.put("year", "20x4");
        bad.put("template", "2020");
        bad.put("status", "ok");
        bad.put("agency", "盐".repeat(101));
        bad.put("rule", "R".repeat(101));
        bad.put("sort", "$natural");
        bad.put("provnce", "64");
        for (String endpoint : List.of("/api/reports", "/api/reports/export.csv", "/api/reports/export.xlsx",
                "/api/statistics")) {
            bad.forEach((name, value) -> given().queryParam(name, value).get(endpoint).then()
                    .statusCode(400).contentType("application/json")
                    .body("error", is("invalid_parameter"))
                    .body("message", startsWith(name + ": ")));
        }
        given().queryParam("year", "1999").get("/api/reports").then().statusCode(400)
                .body("message", is("year: must be the year reported on, from 2008 to 2100, was 1999"));
        given().queryParam("provnce", "64").get("/api/reports").then().statusCode(400)
                .body("message", containsString("is not a parameter of this endpoint"));
        // Paging belongs to the listing only.
        given().queryParam("page", "1").get("/api/statistics").then().statusCode(400)
                .body("message", startsWith("page: "));
        for (String[] paging : new String[][] { { "page", "-1" }, { "size", "0" }, { "size", "201" } }) {
            given().queryParam(paging[0], paging[1]).get("/api/reports").then().statusCode(400)
                    .body("message", startsWith(paging[0] + ": "));
        }
    }

    @Test
    void filtersByAgencyInChineseTogetherWithYearAndProvinceInEveryOrder() {
        given().queryParam("agency", "花马池").queryParam("year", "2024").queryParam("province", "64")
                .get("/api/reports").then().statusCode(200).body("items.reportId", contains("r1"));
        given().queryParam("sort", "agency").queryParam("province", "64").get("/api/reports").then()
                .body("items.agency", contains("中宁县白马乡人民政府", "盐池县.*", "盐池县花马池镇人民政府"));
    }

    @Test
    void statisticsCountReportsAndTotalTheFiguresPerProvinceAndPerCity() {
        given().queryParam("year", "2024").get("/api/statistics").then().statusCode(200)
                .body("level", is("province"))
                .body("groups.code", contains("64"))
                .body("groups[0].reports", is(3)).body("groups[0].errors", is(1)).body("groups[0].consistent", is(2))
                .body("groups[0].totals.newApplications", is(8)).body("groups[0].totals.granted", is(2))
                .body("groups[0].totals.reviews", nullValue());
        given().queryParam("province", "64").get("/api/statistics").then().statusCode(200)
                .body("level", is("city"))
                .body("groups.code", contains("6403", "6405", null))
                .body("groups[0].name", is("吴忠市")).body("groups[0].totals.newApplications", is(5));
    }

    @Test
    void statisticsOfACityAreItsCountiesAndAFigureOfSeveralCellsAddsTheCellsThatWereRead() {
        var denials = withFigures(validated("r5", "盐池县王乐井乡人民政府", 2024, "64", "p1"), "640323", 1, 1);
        denials.getReport().getApplications().setDenied(Denied.newBuilder()
                .setStateSecret(TestRecords.row(2)).setThirdPartyRights(TestRecords.row(1)).build());
        denials.getReport().setReview(CaseOutcomes.newBuilder().setUpheld(0).setCorrected(0).setOther(0).setPending(0)
                .setTotal(0).build());
        reports.store(denials);
        given().queryParam("city", "6403").get("/api/statistics").then().statusCode(200)
                .body("level", is("county"))
                .body("groups.code", contains("640323"))
                .body("groups[0].reports", is(2)).body("groups[0].errors", is(1)).body("groups[0].consistent", is(1))
                .body("groups[0].totals.newApplications", is(6))
                .body("groups[0].totals.denied", is(3))
                // A zero printed in the report is a zero; a figure no report had read stays unknown.
                .body("groups[0].totals.reviews", is(0))
                .body("groups[0].totals.litigations", nullValue());
    }

    @Test
    void anExportLongerThanTheCapIsRefusedBeforeItStartsSayingHowToNarrowIt() {
        // The test profile caps exports at 3 rows; four reports are stored.
        for (String format : List.of("csv", "xlsx")) {
            given().get("/api/reports/export." + format).then().statusCode(400).contentType("application/json")
                    .body("error", is("too_large"))
                    .body("message", containsString("match 4 reports"))
                    .body("message", containsString("at most 3"));
        }
        given().queryParam("province", "64").get("/api/reports/export.csv").then().statusCode(200);
    }

    @Test
    void exportsTheFilteredListAsCsvAndExcelWithChineseHeadings() throws Exception {
        String csv = given().queryParam("province", "64").queryParam("year", "2024").get("/api/reports/export.csv")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("\uFEFF机关名称,年度,模板").contains("本年新收政府信息公开申请数量");
        assertThat(lines.get(3)).startsWith("盐池县花马池镇人民政府,2024,2021");

        byte[] xlsx = given().queryParam("agency", "中宁").get("/api/reports/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("机关名称");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("中宁县白马乡人民政府");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void exportsAReportsTablesLaidOutLikeTheTemplate() throws Exception {
        byte[] xlsx = given().get("/api/reports/{id}/tables.xlsx", "r1").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet applications = workbook.getSheetAt(1);
            assertThat(applications.getRow(1).getCell(7).getStringCellValue()).isEqualTo("总计");
            assertThat(applications.getRow(2).getCell(0).getStringCellValue()).isEqualTo("一、本年新收政府信息公开申请数量");
            assertThat(applications.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(5);
            assertThat(applications.getRow(2).getCell(2).getNumericCellValue()).isZero();
            // carriedOver was not read: empty cells, never 0
            assertThat(applications.getRow(3).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
        }
    }

    @Test
    void removingAReportNeedsTheApiKeyAndReadsDoNot() {
        given().delete("/api/reports/{id}", "r3").then().statusCode(401).body("message", containsString("X-API-Key"));
        given().header(StoreApiKeyFilter.HEADER, "wrong").delete("/api/reports/{id}", "r3").then().statusCode(401);
        given().header(StoreApiKeyFilter.HEADER, "test-api-key").delete("/api/reports/{id}", "r3").then().statusCode(204);
        given().get("/api/reports/{id}", "r3").then().statusCode(404);
    }

    @Test
    void filtersAlertsByAgencyRuleAndSeverity() {
        alerts.store(alert("a1", "r1", "64", 2024, RAISED));
        alerts.store(alert("a2", "r3", "41", 2023, RAISED.plusSeconds(1)));
        // Same rule and severity, another agency: only the agency filter leaves it out.
        Alert otherAgency = alert("a3", "r2", "64", 2024, RAISED.plusSeconds(2));
        otherAgency.setAgency("中宁县白马乡人民政府");
        alerts.store(otherAgency);
        given().queryParam("agency", "花马池").queryParam("rule", "S3-BALANCE").queryParam("severity", "ERROR")
                .get("/api/alerts").then().statusCode(200).body("items.alertId", contains("a2", "a1"));
        given().queryParam("rule", "S3-BALANCE").queryParam("severity", "ERROR").get("/api/alerts").then()
                .body("items.alertId", contains("a3", "a2", "a1"));
        given().queryParam("severity", "WARN").get("/api/alerts").then().body("total", is(0));
        given().queryParam("rule", "S4-TOTAL").get("/api/alerts").then().body("total", is(0));
        given().queryParam("severity", "fatal").get("/api/alerts").then().statusCode(400)
                .body("message", containsString("severity"));
    }

    @Test
    void publishesTheOpenApiDocumentWithEveryFilterAndTheSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/statistics'.get.summary", containsString("province"))
                .body("paths.'/api/reports'.get.parameters.name", hasItems("province", "city", "county", "year",
                        "template", "status", "rule", "agency", "sort", "page", "size", "cursor"))
                .body("paths.'/api/alerts/stream-token'.get.summary", containsString("token"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
