package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // The module runs from store-service/, the screenshots live in the repository's docs/.
    private static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final String FLAGGED_CELL = "applications.newApplications[6]";

    private static WebDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium");
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMEDRIVER + ": install Debian's chromium-driver");
        profile = Files.createTempDirectory("nianbao-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void storeReports() {
        store.clear();
        reports.store(inProvince("宁夏回族自治区", withFigures(validated("r1", "盐池县花马池镇人民政府", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 5, 2)));
        reports.store(inProvince("宁夏回族自治区",
                withFigures(validated("r2", "中宁县白马乡人民政府", 2024, "64", "p1"), "640521", 3, null)));
        reports.store(inProvince("河南省", validated("r3", "孟津区白鹤镇人民政府", 2023, "41", "p1")));
    }

    private static ValidatedReport inProvince(String provinceName, ValidatedReport validated) {
        validated.getReport().getDivision().setProvinceName(provinceName);
        return validated;
    }

    @Test
    void theOverviewShowsTheStoredReportsAndTheirFiguresPerProvince() throws IOException {
        open("#/");
        WebElement ningxia = browser.findElement(By.cssSelector("#overview-table tr[data-code='64']"));
        assertThat(ningxia.findElement(By.tagName("a")).getText()).isEqualTo("宁夏回族自治区");
        assertThat(cell(ningxia, "reports")).isEqualTo("2");
        assertThat(cell(ningxia, "consistent")).isEqualTo("1");
        assertThat(cell(ningxia, "errors")).isEqualTo("1");
        assertThat(cell(ningxia, "newApplications")).isEqualTo("8");
        assertThat(cell(ningxia, "granted")).isEqualTo("2");
        WebElement henan = browser.findElement(By.cssSelector("#overview-table tr[data-code='41']"));
        assertThat(cell(henan, "reports")).isEqualTo("1");
        // Not read is not zero: a figure no report of the province had is shown as unknown.
        assertThat(cell(henan, "newApplications")).isEqualTo("—");
        assertThat(browser.findElements(By.cssSelector("#overview-chart rect.reports"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#alert-feed li"))).isEmpty();
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
    void aReportPageHighlightsTheCellsOfAFindingAndExplainsItBesideThem() throws IOException {
        open("#/report/r1");
        assertThat(browser.findElement(By.id("report-title")).getText()).contains("盐池县花马池镇人民政府", "2024");
        WebElement flagged = browser.findElement(By.cssSelector("td[data-path='" + FLAGGED_CELL + "']"));
        assertThat(flagged.getAttribute("class")).contains("flagged");
        assertThat(flagged.getText()).startsWith("5");
        assertThat(browser.findElements(By.cssSelector("td.flagged"))).hasSize(1);
        WebElement finding = browser.findElement(By.cssSelector("#findings .finding[data-rule='S3-BALANCE']"));
        assertThat(finding.getText()).contains("申请数量不平衡", "应为 1", "实为 2", "一、本年新收政府信息公开申请数量 · 总计");
        // Beside: the finding sits to the right of the tables, level with them.
        WebElement tables = browser.findElement(By.id("report-tables"));
        assertThat(finding.getRect().getX()).isGreaterThan(tables.getRect().getX() + tables.getRect().getWidth() - 1);
        screenshot("report.png");
    }

    private void open(String hash) {
        // Through a blank page: loading the URL the browser is already on would only change the hash.
        browser.get("about:blank");
        browser.get(base + hash);
        waitUpTo(Duration.ofSeconds(30)).until(driver -> hash.equals(
                driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#view .error"))).isEmpty();
    }

    private static String cell(WebElement row, String field) {
        return row.findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
    }

    private static WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
