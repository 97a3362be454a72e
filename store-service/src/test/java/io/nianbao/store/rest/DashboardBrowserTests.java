package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.mongodb.client.model.Sorts;

import io.nianbao.schema.Alert;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.AlertListener;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard in Debian's headless Chromium against the running service and stored reports. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DashboardBrowserTests {
    private static final String FLAGGED_CELL = "applications.newApplications[6]";
    private static final String SOURCE_URL = "https://www.yanchi.gov.cn/xxgk/2024-ndbg.html";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @BeforeEach
    void storeReports() {
        store.clear();
        reports.store(atSource(SOURCE_URL, inProvince("宁夏回族自治区", withFigures(validated("r1", "盐池县花马池镇人民政府",
                2024, "64", "p1", finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 5, 2))));
        reports.store(atSource("javascript:alert(1)", inProvince("宁夏回族自治区",
                withFigures(validated("r2", "中宁县白马乡人民政府", 2024, "64", "p1"), "640521", 3, null))));
        reports.store(inProvince("河南省", validated("r3", "孟津区白鹤镇人民政府", 2023, "41", "p1")));
        reports.store(inProvince("宁夏回族自治区", withFigures(validated("r4", "盐池县王乐井乡人民政府", 2023, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 4, 1)));
        reports.store(inProvince("宁夏回族自治区",
                withFigures(validated("r5", "盐池县高沙窝镇人民政府", 2024, "64", "p1"), "640323", 1, 1)));
    }

    private static ValidatedReport inProvince(String provinceName, ValidatedReport validated) {
        validated.getReport().getDivision().setProvinceName(provinceName);
        return validated;
    }

    private static ValidatedReport atSource(String url, ValidatedReport validated) {
        validated.getReport().getSource().setUrl(url);
        return validated;
    }

    @Test
    void theOverviewShowsTheStoredReportsAndTheirFiguresPerProvince() throws IOException {
        open("#/");
        WebElement ningxia = browser().findElement(By.cssSelector("#overview-table tr[data-code='64']"));
        assertThat(ningxia.findElement(By.tagName("a")).getText()).isEqualTo("宁夏回族自治区");
        assertThat(cell(ningxia, "reports")).isEqualTo("4");
        assertThat(cell(ningxia, "consistent")).isEqualTo("2");
        assertThat(cell(ningxia, "errors")).isEqualTo("2");
        assertThat(cell(ningxia, "newApplications")).isEqualTo("13");
        assertThat(cell(ningxia, "granted")).isEqualTo("4");
        WebElement henan = browser().findElement(By.cssSelector("#overview-table tr[data-code='41']"));
        assertThat(cell(henan, "reports")).isEqualTo("1");
        // Not read is not zero: a figure no report of the province had is shown as unknown.
        assertThat(cell(henan, "newApplications")).isEqualTo("—");
        // The chart draws the same counts: reports and reports with errors per province (41, then 64).
        assertThat(ComparisonBrowserTests.chartSeries(browser(), "overview-chart", 0)).containsExactly(1L, 4L);
        assertThat(ComparisonBrowserTests.chartSeries(browser(), "overview-chart", 1)).containsExactly(0L, 2L);
        assertThat(browser().findElements(By.cssSelector("#alert-feed li"))).isEmpty();
        screenshot("overview.png");
    }

    @Test
    void theAlertFeedShowsAnAlertAsSoonAsItArrives() throws IOException {
        open("#/");
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("feed-state"), "已连接"));
        Alert arrived = alert("browser-1", "r1", "64", 2024, Instant.parse("2025-02-03T00:00:00Z"));
        arrived.setAgency("盐池县<b>花马池镇</b>");
        store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts", arrived));
        WebElement item = waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#alert-feed li.new[data-alert-id='browser-1']")));
        assertThat(item.getText()).contains("盐池县<b>花马池镇</b>", "S3-BALANCE", "申请数量不平衡");
        // Rendered as text, never as markup.
        assertThat(item.findElements(By.tagName("b"))).isEmpty();
        screenshot("alert-feed.png");
    }

    @Test
    void alertsRaisedWhileTheFeedWasDisconnectedAppearWhenItReconnectsNewestFirst() {
        store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                alert("before", "r1", "64", 2024, Instant.parse("2025-02-03T00:00:00Z"))));
        open("#/");
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alert-feed li[data-alert-id='before']")));

        // The page goes into the back-forward cache: its stream is closed, and what is stored meanwhile is not sent.
        pageTransition("pagehide");
        store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                alert("away-2", "r4", "64", 2023, Instant.parse("2025-02-03T00:00:02.500Z"))));
        store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                alert("away-1", "r1", "64", 2024, Instant.parse("2025-02-03T00:00:01Z"))));
        pageTransition("pageshow");

        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#alert-feed li"), 3));
        assertThat(browser().findElements(By.cssSelector("#alert-feed li")).stream()
                .map(item -> item.getDomAttribute("data-alert-id")).toList())
                .containsExactly("away-2", "away-1", "before");
    }

    private static void pageTransition(String type) {
        ((JavascriptExecutor) browser()).executeScript(
                "window.dispatchEvent(new PageTransitionEvent(arguments[0], { persisted: true }));", type);
    }

    @Test
    void aReportPageHighlightsTheCellsOfAFindingAndExplainsItBesideThem() throws IOException {
        open("#/report/r1");
        assertThat(browser().findElement(By.id("report-title")).getText()).contains("盐池县花马池镇人民政府", "2024");
        WebElement flagged = browser().findElement(By.cssSelector("td[data-path='" + FLAGGED_CELL + "']"));
        assertThat(flagged.getAttribute("class")).contains("flagged");
        assertThat(flagged.getText()).startsWith("5");
        assertThat(browser().findElements(By.cssSelector("td.flagged"))).hasSize(1);
        WebElement finding = browser().findElement(By.cssSelector("#findings .finding[data-rule='S3-BALANCE']"));
        assertThat(finding.getText()).contains("申请数量不平衡", "应为 1", "实为 2", "一、本年新收政府信息公开申请数量 · 总计");
        // Beside: the finding sits to the right of the tables, level with them.
        WebElement tables = browser().findElement(By.id("report-tables"));
        assertThat(finding.getRect().getX()).isGreaterThan(tables.getRect().getX() + tables.getRect().getWidth() - 1);
        screenshot("report.png");
    }

    @Test
    void theSearchPageShowsTheReportsTheStoreHasForTheFilters() throws IOException {
        open("#/reports");
        search(Map.of("agency", "盐池县", "province", "64", "year", "2024"));
        assertThat(reportIdsShown()).containsExactly("r1", "r5")
                .isEqualTo(reportIdsStored(and(eq("provinceCode", "64"), eq("year", 2024), regex("agency", "盐池县"))));
        assertThat(browser().findElement(By.id("report-count")).getText()).isEqualTo("共 2 份");

        search(Map.of("agency", "盐池县", "province", "64", "year", "2024", "status", "errors"));
        assertThat(reportIdsShown()).containsExactly("r1").isEqualTo(reportIdsStored(and(eq("provinceCode", "64"),
                eq("year", 2024), eq("status", "errors"), regex("agency", "盐池县"))));
        screenshot("search.png");
    }

    @Test
    void theStatisticsDrillDownFromProvinceToCityToCountyShowTheStoredFigures() throws IOException {
        open("#/");
        followLink("#overview-table tr[data-code='64'] a", "#/?province=64");
        assertThat(browser().findElement(By.cssSelector("#view h2")).getText()).isEqualTo("各市报告概况");
        assertThat(overviewRowsMatchTheStore(eq("provinceCode", "64"), "cityCode")).containsExactly("6403", "6405");
        screenshot("statistics-city.png");

        followLink("#overview-table tr[data-code='6403'] a", "#/?province=64&city=6403");
        assertThat(browser().findElement(By.cssSelector("#view h2")).getText()).isEqualTo("各县（区）报告概况");
        assertThat(overviewRowsMatchTheStore(eq("division.cityCode", "6403"), "countyCode")).containsExactly("640323");
        WebElement yanchi = browser().findElement(By.cssSelector("#overview-table tr[data-code='640323']"));
        assertThat(cell(yanchi, "reports")).isEqualTo("3");
        assertThat(cell(yanchi, "newApplications")).isEqualTo("10");
        screenshot("statistics-county.png");

        followLink("#breadcrumbs a[href='#/?province=64']", "#/?province=64");
        assertThat(browser().findElement(By.cssSelector("#view h2")).getText()).isEqualTo("各市报告概况");
        followLink("#breadcrumbs a[href='#/?']", "#/?");
        assertThat(browser().findElement(By.cssSelector("#view h2")).getText()).isEqualTo("各省份报告概况");
    }

    @Test
    void aReportPageLinksToItsSourceDocumentAndNeverToAScript() {
        open("#/report/r1");
        WebElement source = browser().findElement(By.id("source-link"));
        assertThat(source.getAttribute("href")).isEqualTo(SOURCE_URL)
                .isEqualTo(store.reports().find(eq("reportId", "r1")).first().get("source", Document.class).get("url"));
        assertThat(source.getAttribute("target")).isEqualTo("_blank");
        assertThat(source.getAttribute("rel")).contains("noopener");

        open("#/report/r2");
        assertThat(browser().findElements(By.id("source-link"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector("#view a[href^='javascript']"))).isEmpty();
        assertThat(browser().findElement(By.id("view")).getText()).contains("来源：r2.txt");
    }

    private void search(Map<String, String> filters) {
        WebElement form = browser().findElement(By.id("search-form"));
        for (WebElement field : form.findElements(By.cssSelector("input, select"))) {
            String value = filters.getOrDefault(field.getAttribute("name"), "");
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
        }
        String before = browser().findElement(By.tagName("body")).getAttribute("data-ready");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitUpTo(Duration.ofSeconds(30)).until(driver -> {
            String ready = driver.findElement(By.tagName("body")).getAttribute("data-ready");
            return !ready.equals(before) && ready.equals(currentHash(driver));
        });
        waitUpTo(Duration.ofSeconds(30)).until(driver -> driver.findElement(By.id("report-count")).getText().startsWith("共"));
    }

    private static List<String> reportIdsShown() {
        return browser().findElements(By.cssSelector("#report-list tbody tr")).stream()
                .map(row -> row.getAttribute("data-report-id")).toList();
    }

    /** In the listing's default order: newest year first, then agency. */
    private List<String> reportIdsStored(Bson filter) {
        return store.reports().find(filter).sort(Sorts.orderBy(Sorts.descending("year"), Sorts.ascending("agency")))
                .map(document -> document.getString("reportId")).into(new ArrayList<>());
    }

    private void followLink(String selector, String hash) {
        browser().findElement(By.cssSelector(selector)).click();
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", hash));
    }

    /**
     * Checks every row of the overview table against the stored reports under {@code parent}, grouped by their
     * division's {@code codeField}: the counts and the totals of two key figures. Returns the codes shown.
     */
    private List<String> overviewRowsMatchTheStore(Bson parent, String codeField) {
        List<Document> stored = store.reports().find(parent).into(new ArrayList<>());
        List<WebElement> rows = browser().findElements(By.cssSelector("#overview-table tbody tr"));
        List<String> codes = new ArrayList<>();
        for (WebElement row : rows) {
            String code = row.getAttribute("data-code");
            codes.add(code);
            List<Document> inGroup = stored.stream()
                    .filter(d -> code.equals(d.get("division", Document.class).getString(codeField))).toList();
            assertThat(cell(row, "reports")).isEqualTo(String.valueOf(inGroup.size()));
            assertThat(cell(row, "consistent")).isEqualTo(countWithStatus(inGroup, "consistent"));
            assertThat(cell(row, "errors")).isEqualTo(countWithStatus(inGroup, "errors"));
            assertThat(cell(row, "newApplications")).isEqualTo(totalOf(inGroup, "newApplications"));
            assertThat(cell(row, "granted")).isEqualTo(totalOf(inGroup, "granted"));
        }
        assertThat(rows).hasSize((int) stored.stream()
                .map(d -> d.get("division", Document.class).getString(codeField)).distinct().count());
        return codes;
    }

    private static String countWithStatus(List<Document> reports, String status) {
        return String.valueOf(reports.stream().filter(d -> status.equals(d.getString("status"))).count());
    }

    /** The 总计 column of a section 三 row summed over the reports that have it; — when none has. */
    private static String totalOf(List<Document> reports, String row) {
        List<Integer> totals = reports.stream()
                .map(d -> d.get("applications", Document.class))
                .filter(applications -> applications != null && applications.get(row) != null)
                .map(applications -> applications.getList(row, Integer.class).get(6)).toList();
        return totals.isEmpty() ? "—" : String.valueOf(totals.stream().mapToInt(Integer::intValue).sum());
    }

    private static String currentHash(WebDriver driver) {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf('#'));
    }

    private void open(String hash) {
        // Through a blank page: loading the URL the browser is already on would only change the hash.
        browser().get("about:blank");
        browser().get(base + hash);
        waitUpTo(Duration.ofSeconds(30)).until(driver -> hash.equals(
                driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser().findElements(By.cssSelector("#view .error"))).isEmpty();
    }

    private static String cell(WebElement row, String field) {
        return row.findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
    }

    private static WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(browser(), timeout);
    }

    private static WebDriver browser() {
        return chromium.driver();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
