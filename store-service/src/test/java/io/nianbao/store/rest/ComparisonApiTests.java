package io.nianbao.store.rest;

import static io.nianbao.store.ComparisonCorpus.COUNTY_GOVERNMENT;
import static io.nianbao.store.ComparisonCorpus.NEIGHBOUR;
import static io.nianbao.store.ComparisonCorpus.STOPPED;
import static io.nianbao.store.ComparisonCorpus.TOWN;
import static io.nianbao.store.ComparisonCorpus.TOWN_KEY;
import static io.nianbao.store.ComparisonCorpus.ZHONGNING;
import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.ComparisonCorpus;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ComparisonApiTests {
    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @BeforeEach
    void storeCorpus() {
        store.clear();
        ComparisonCorpus.store(reports);
    }

    @Test
    void anAgencysYearsComeSideBySideEachAgainstTheYearBefore() {
        JsonPath agency = given().get("/api/agencies/{key}", TOWN_KEY).then().statusCode(200).extract().jsonPath();
        assertThat(agency.getString("agency")).isEqualTo(TOWN);
        assertThat(agency.getList("years.year", Integer.class)).containsExactly(2022, 2023, 2024);
        assertThat(agency.getList("years.reportId", String.class)).containsExactly("t2022", "t2023", "t2024");
        assertThat(agency.getList("years.figures.newApplications", Integer.class)).containsExactly(4, 5, 8);
        // The first year has nothing to change from; then 5 − 4 and 8 − 5.
        assertThat(agency.getList("years.figureChanges.newApplications", Integer.class)).containsExactly(null, 1, 3);
        assertThat(agency.getInt("years[2].cellChanges['applications.granted[6]']")).isZero();
        assertThat(agency.getInt("years[2].cells['applications.newApplications[6]']")).isEqualTo(8);
    }

    @Test
    void theCarryOverChainIsDrawnAndItsBreakMarkedColumnByColumn() {
        JsonPath agency = given().get("/api/agencies/{key}", TOWN_KEY).then().extract().jsonPath();
        assertThat(agency.getString("years[0].carryOver")).isNull();
        // 2022 carried 1 forward and 2023 carried 1 over: the chain holds.
        assertThat(agency.getList("years[1].carryOver.carriedForward", Integer.class)).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(agency.getList("years[1].carryOver.breaks")).isEmpty();
        // 2023 carried 2 forward, 2024 says 3 came over: the 自然人 and 总计 columns break.
        assertThat(agency.getList("years[2].carryOver.carriedOver", Integer.class)).containsExactly(3, 0, 0, 0, 0, 0, 3);
        assertThat(agency.getList("years[2].carryOver.breaks", Integer.class)).containsExactly(0, 6);
    }

    @Test
    void theProseCopiedFromTheYearBeforeIsMarkedAndItsShareGiven() {
        JsonPath agency = given().get("/api/agencies/{key}", TOWN_KEY).then().extract().jsonPath();
        assertThat(agency.getInt("years[2].proseComparedWith")).isEqualTo(2023);
        List<String> copied = new ArrayList<>();
        List<String> own = new ArrayList<>();
        List<Map<String, Object>> passages = agency.getList("years[2].prose.sections[0].passages");
        passages.forEach(p -> ((Boolean) p.get("copied") ? copied : own).add((String) p.get("text")));
        assertThat(copied).containsExactly(ComparisonCorpus.KEPT, ComparisonCorpus.ALSO_KEPT);
        assertThat(own).containsExactly(ComparisonCorpus.NEW_2024);
        double expected = (double) (ComparisonCorpus.KEPT.length() + ComparisonCorpus.ALSO_KEPT.length())
                / (ComparisonCorpus.KEPT + ComparisonCorpus.ALSO_KEPT + ComparisonCorpus.NEW_2024).length();
        assertThat(agency.getDouble("years[2].prose.share")).isCloseTo(expected, offset(1e-6));
        assertThat(agency.getList("years[2].copyFindings", String.class)).singleElement().asString().contains("93%");
        // The first year has no year before: nothing is copied from anything.
        assertThat(agency.getDouble("years[0].prose.share")).isZero();
    }

    @Test
    void aRevisedYearShowsItsEarlierVersionAndWhatChanged() {
        JsonPath agency = given().get("/api/agencies/{key}", TOWN_KEY).then().extract().jsonPath();
        assertThat(agency.getList("years[2].revisions.earlier.reportId", String.class)).containsExactly("t2024-first");
        assertThat(agency.getString("years[2].revisions.changes[0].from")).isEqualTo("t2024-first");
        assertThat(agency.getString("years[2].revisions.changes[0].to")).isEqualTo("t2024");
        assertThat(agency.getList("years[1].revisions.earlier")).isEmpty();
    }

    @Test
    void anUnknownAgencyIsNotFound() {
        given().get("/api/agencies/{key}", "64|不存在的机关").then().statusCode(404).body("error", is("not_found"));
        // A key is matched literally: a pattern in it matches nothing.
        given().get("/api/agencies/{key}", "64|.*").then().statusCode(404);
        given().queryParam("year", "2024").get("/api/agencies/{key}", TOWN_KEY).then().statusCode(400)
                .body("message", containsString("year"));
    }

    @Test
    void aProvincesThousandTownsAreShown200NearestFirstWithTheAgencyItselfAndTheirCount() {
        for (int n = 0; n < 205; n++) {
            // Towns of another city, named to sort before the county's own (「测」 before 「盐」).
            reports.store(withFigures(validated(String.format("x%03d", n), String.format("测试县第%03d镇人民政府", n), 2024,
                    "64", "p1"), "640521", 1, 1));
        }

        JsonPath peers = given().get("/api/agencies/{key}/peers", TOWN_KEY).then().statusCode(200).extract().jsonPath();

        List<String> shown = peers.getList("sameKind.agency", String.class);
        // The county's towns first (every 镇 of its county), then the province's others by name.
        assertThat(shown).hasSize(200).startsWith(TOWN, NEIGHBOUR, "测试县第000镇人民政府").endsWith("测试县第197镇人民政府")
                .doesNotContain("测试县第198镇人民政府");
        assertThat(peers.getLong("sameKindTotal")).isEqualTo(207);
    }

    @Test
    void peersAreTheCountysReportsAndTheAgenciesOfItsKindWithTheTextSharedByACopy() {
        JsonPath peers = given().get("/api/agencies/{key}/peers", TOWN_KEY).then().statusCode(200).extract().jsonPath();
        assertThat(peers.getInt("year")).isEqualTo(2024);
        assertThat(peers.getString("kind")).isEqualTo("镇人民政府");
        assertThat(peers.getList("county.agency", String.class)).containsExactly(COUNTY_GOVERNMENT, TOWN, NEIGHBOUR);
        assertThat(peers.getString("hierarchy.government.agency")).isEqualTo(COUNTY_GOVERNMENT);
        // The towns' 8 + 2 new requests against the government's 5.
        assertThat(peers.getInt("hierarchy.partsTotal.newApplications")).isEqualTo(10);
        assertThat(peers.getInt("hierarchy.government.figures.newApplications")).isEqualTo(5);
        assertThat(peers.getList("hierarchy.findings", String.class)).hasSize(1);
        assertThat(peers.getList("sameKind.agency", String.class)).containsExactly(TOWN, NEIGHBOUR);
        assertThat(peers.getLong("sameKindTotal")).isEqualTo(2);
        assertThat(peers.getString("copies[0].agency")).isEqualTo(NEIGHBOUR);
        assertThat(peers.getList("copies[0].shared", String.class)).containsExactly(ComparisonCorpus.KEPT,
                ComparisonCorpus.NEW_2024);

        given().queryParam("year", "2023").get("/api/agencies/{key}/peers", TOWN_KEY).then().statusCode(200)
                .body("county.agency", contains(TOWN, NEIGHBOUR)).body("hierarchy.government", nullValue());
        given().queryParam("year", "2019").get("/api/agencies/{key}/peers", TOWN_KEY).then().statusCode(404);
    }

    @Test
    void theScorecardJudgesEveryAgencyOfTheProvincesYearAndListsThoseThatStoppedPublishing() {
        JsonPath review = given().queryParam("province", "64").queryParam("year", "2024").get("/api/reviews")
                .then().statusCode(200).extract().jsonPath();
        assertThat(review.getList("entries.agency", String.class))
                .containsExactly(COUNTY_GOVERNMENT, TOWN, NEIGHBOUR, ZHONGNING);
        assertThat(review.getList("missing.agency", String.class)).containsExactly(STOPPED);
        int town = review.getList("entries.agency", String.class).indexOf(TOWN);
        String entry = "entries[" + town + "].";
        assertThat(review.getBoolean(entry + "late")).isTrue();
        assertThat(review.getBoolean(entry + "copyPrior")).isTrue();
        assertThat(review.getBoolean(entry + "copyPeer")).isTrue();
        assertThat(review.getInt(entry + "revisions")).isEqualTo(1);
        assertThat(review.getInt(entry + "warnings")).isEqualTo(3);
        assertThat(review.getInt(entry + "errors")).isZero();
        assertThat(review.getInt(entry + "figures.newApplications")).isEqualTo(8);
        assertThat(review.getInt(entry + "figureChanges.newApplications")).isEqualTo(3);
        assertThat(review.getString(entry + "previousStatus")).isEqualTo("consistent");
        assertThat(review.getBoolean(entry + "incomplete")).isFalse();
        String zhongning = "entries[3].";
        assertThat(review.getInt(zhongning + "errors")).isEqualTo(1);
        assertThat(review.getBoolean(zhongning + "incomplete")).isTrue();
        assertThat(review.getInt(zhongning + "sectionsFound")).isEqualTo(4);
        assertThat(review.getString(zhongning + "late")).isNull();
        assertThat(review.getString(zhongning + "previousStatus")).isNull();
        assertThat(review.getString("provinceName")).isEqualTo("宁夏回族自治区");
        assertThat(review.getInt("summary.reports")).isEqualTo(4);
        assertThat(review.getInt("summary.late")).isEqualTo(1);
        assertThat(review.getInt("summary.withErrors")).isEqualTo(1);
        assertThat(review.getInt("summary.missing")).isEqualTo(1);

        given().queryParam("province", "64").queryParam("year", "2024").queryParam("county", "640521")
                .get("/api/reviews").then().body("entries.agency", contains(ZHONGNING))
                .body("missing.agency", contains(STOPPED));
    }

    @Test
    void reportsStoredWithoutScorecardFactsAreJudgedAsTheyWouldBeWithThem() {
        String withFacts = scorecardOf2024();
        // As a document stored before the facts were: the year before's and one of the year's.
        long without = store.reports().updateMany(or(eq("year", 2023), eq("agency", TOWN)),
                Updates.unset(ReportDocuments.SCORECARD)).getModifiedCount();

        assertThat(without).isEqualTo(5);
        assertThat(scorecardOf2024()).isEqualTo(withFacts);
    }

    @Test
    void aRevisedOrRejudgedReportIsJudgedOnItsCurrentVersion() {
        String agency = "盐池县测试局";
        reports.store(withFigures(validated("v1", agency, 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 4, 2));
        reports.store(withFigures(validated("v2", agency, 2024, "64", "p1"), "640323", 6, 2));

        String entry = "entries.find { it.agency == '" + agency + "' }.";
        JsonPath revised = new JsonPath(scorecardOf2024());
        assertThat(revised.getString(entry + "reportId")).isEqualTo("v2");
        assertThat(revised.getInt(entry + "errors")).isZero();
        assertThat(revised.getInt(entry + "figures.newApplications")).isEqualTo(6);
        assertThat(revised.getInt(entry + "revisions")).isEqualTo(1);

        ValidatedReport judgedAgain = withFigures(validated("v2", agency, 2024, "64", "p1",
                finding("COPY-PRIOR", Severity.WARN, Outcome.FAILED)), "640323", 6, 2);
        judgedAgain.setValidatedAt(judgedAgain.getValidatedAt().plusSeconds(3600));
        reports.store(judgedAgain);

        JsonPath rejudged = new JsonPath(scorecardOf2024());
        assertThat(rejudged.getBoolean(entry + "copyPrior")).isTrue();
        assertThat(rejudged.getInt(entry + "warnings")).isEqualTo(1);
        assertThat(rejudged.getInt(entry + "revisions")).isEqualTo(1);
    }

    private static String scorecardOf2024() {
        return given().queryParam("province", "64").queryParam("year", "2024").get("/api/reviews").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void theScorecardNeedsAProvinceAndAYearAndDivisionsWithinIt() {
        given().queryParam("year", "2024").get("/api/reviews").then().statusCode(400)
                .body("message", is("province: is required"));
        given().queryParam("province", "64").get("/api/reviews").then().statusCode(400)
                .body("message", is("year: is required"));
        given().queryParam("province", "64").queryParam("year", "2024").queryParam("county", "410322")
                .get("/api/reviews").then().statusCode(400).body("message", containsString("not in the province 64"));
        given().queryParam("province", "64").queryParam("year", "2024").queryParam("town", "x")
                .get("/api/reviews").then().statusCode(400);
    }

    @Test
    void theScorecardWorkbookHasASheetPerCityWithFrozenChineseHeadings() throws IOException {
        byte[] xlsx = given().queryParam("province", "64").queryParam("year", "2024").get("/api/reviews/export.xlsx")
                .then().statusCode(200).header("Content-Disposition", containsString("review-64-2024.xlsx"))
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("汇总", "吴忠市", "中卫市", "上年发布本年未发布");
            XSSFSheet wuzhong = workbook.getSheet("吴忠市");
            assertThat(wuzhong.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wuzhong.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            XSSFRow headings = wuzhong.getRow(0);
            assertThat(headings.getCell(1).getStringCellValue()).isEqualTo("机关名称");
            assertThat(headings.getCell(4).getStringCellValue()).isEqualTo("按期发布");
            assertThat(headings.getCell(1).getCellStyle().getFont().getBold()).isTrue();
            assertThat(column(wuzhong, 1)).containsExactly(COUNTY_GOVERNMENT, TOWN, NEIGHBOUR);
            assertThat(wuzhong.getRow(2).getCell(4).getStringCellValue()).isEqualTo("否");
            assertThat(wuzhong.getRow(2).getCell(15).getNumericCellValue()).isEqualTo(8);
            assertThat(wuzhong.getRow(2).getCell(16).getNumericCellValue()).isEqualTo(3);
            assertThat(column(workbook.getSheet("上年发布本年未发布"), 2)).containsExactly(STOPPED);
            assertThat(workbook.getSheet("汇总").getRow(0).getCell(1).getStringCellValue()).isEqualTo("宁夏回族自治区");
            assertThat(workbook.getSheet("汇总").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4);
        }
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(sheet.getRow(r).getCell(column).getStringCellValue());
        }
        return values;
    }
}
