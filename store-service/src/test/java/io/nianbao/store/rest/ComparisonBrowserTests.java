package io.nianbao.store.rest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static io.nianbao.store.ComparisonCorpus.ALSO_KEPT;
import static io.nianbao.store.ComparisonCorpus.KEPT;
import static io.nianbao.store.ComparisonCorpus.NEW_2024;
import static io.nianbao.store.ComparisonCorpus.STOPPED;
import static io.nianbao.store.ComparisonCorpus.TOWN;
import static io.nianbao.store.ComparisonCorpus.TOWN_KEY;
import static io.nianbao.store.ComparisonCorpus.ZHONGNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.nianbao.store.ComparisonCorpus;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The comparison pages and their ECharts charts in headless Chromium: what they show is what the store holds. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ComparisonBrowserTests {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL base;

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
    void theAgencyPageShowsEachYearsStoredFiguresTheirChartTheCarryOverBreakAndTheCopiedProse() throws IOException {
        open("#/report/t2024");
        browser().findElement(By.id("agency-link")).click();
        waitForPage("#/agency/" + URLEncoder.encode(TOWN_KEY, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(browser().findElement(By.id("agency-title")).getText()).startsWith(TOWN);

        Map<Integer, Long> stored = newApplicationsByYear(eq("agency", TOWN));
        assertThat(stored).containsOnlyKeys(2022, 2023, 2024);
        stored.forEach((year, value) -> assertThat(browser().findElement(By.cssSelector(
                "#agency-figures tr[data-field='newApplications'] td[data-year='" + year + "']")).getText())
                .startsWith(String.valueOf(value)));
        // The change from 2023 beside the 2024 figure.
        assertThat(browser().findElement(By.cssSelector(
                "#agency-figures tr[data-field='newApplications'] td[data-year='2024'] .delta")).getText())
                .isEqualTo("+" + (stored.get(2024) - stored.get(2023)));
        assertThat(chartSeries(browser(), "agency-chart", 0)).containsExactlyElementsOf(stored.values());

        WebElement broken = browser().findElement(By.cssSelector("#carry-chain tr.carry-to.broken"));
        assertThat(broken.getText()).startsWith("2024年 上年结转（断链）");
        assertThat(broken.findElements(By.cssSelector("td.break")).stream().map(td -> td.getDomAttribute("data-column")))
                .containsExactly("0", "6");
        assertThat(browser().findElements(By.cssSelector("#carry-chain tr.carry-to.kept"))).hasSize(1);

        WebElement prose2024 = browser().findElement(By.cssSelector("#prose .prose-year[data-year='2024']"));
        assertThat(prose2024.findElements(By.cssSelector("mark.copied")).stream().map(WebElement::getText))
                .containsExactly(KEPT, ALSO_KEPT);
        assertThat(prose2024.getText()).contains(NEW_2024);
        assertThat(prose2024.findElement(By.className("share")).getText()).isEqualTo(Math.round(100.0
                * (KEPT.length() + ALSO_KEPT.length()) / (KEPT + ALSO_KEPT + NEW_2024).length()) + "%");
        assertThat(browser().findElement(By.id("revisions")).getText()).contains("t2024-first", "PUB-CHANGED");
        screenshot("agency-years.png");

        browser().findElement(By.id("full-tables")).click();
        assertThat(browser().findElement(By.cssSelector(
                "#agency-tables td[data-path='applications.newApplications[0]'][data-year='2024']")).getText())
                .startsWith(String.valueOf(stored.get(2024)));
    }

    @Test
    void thePeersPageSetsTheCountysReportsAndTheirSumBesideTheGovernmentsAndShowsTheSharedText() throws IOException {
        open("#/peers/" + URLEncoder.encode(TOWN_KEY, StandardCharsets.UTF_8) + "?year=2024");
        Map<String, Long> stored = new TreeMap<>();
        store.reports().find(and(eq("division.countyCode", "640323"), eq("year", 2024)))
                .forEach(d -> stored.put(d.getString("agency"), newApplications(d)));
        List<WebElement> rows = browser().findElements(By.cssSelector("#county-peers tbody tr"));
        assertThat(rows).hasSize(stored.size());
        for (WebElement row : rows) {
            String agency = row.findElement(By.tagName("a")).getText();
            assertThat(row.findElement(By.cssSelector("td[data-field='newApplications']")).getText())
                    .isEqualTo(String.valueOf(stored.get(agency)));
        }
        long parts = stored.entrySet().stream().filter(e -> !e.getKey().equals(ComparisonCorpus.COUNTY_GOVERNMENT))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(browser().findElement(By.cssSelector("#parts-total td[data-field='newApplications']")).getText())
                .isEqualTo(String.valueOf(parts));
        assertThat(browser().findElement(By.id("hierarchy")).getText()).startsWith("HIER-SUM");
        assertThat(browser().findElements(By.cssSelector("#copies mark.copied")).stream().map(WebElement::getText))
                .containsExactly(KEPT, NEW_2024);
        assertThat(chartSeries(browser(), "peers-chart", 0)).containsExactlyInAnyOrderElementsOf(stored.values());
        screenshot("peers.png");
    }

    @Test
    void theScorecardListsTheStoredAgenciesSortsFiltersAndChartsTheCountiesErrorRates() throws IOException {
        open("#/review?province=64&year=2024");
        assertThat(browser().findElement(By.id("review-title")).getText()).isEqualTo("宁夏回族自治区 2024 年度报告评议");
        Map<String, Long> stored = new TreeMap<>();
        store.reports().find(and(eq("provinceCode", "64"), eq("year", 2024)))
                .forEach(d -> stored.put(d.getString("agency"), newApplications(d)));
        assertThat(agenciesShown()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        for (WebElement row : browser().findElements(By.cssSelector("#review-table tbody tr"))) {
            String agency = row.findElement(By.cssSelector("td[data-field='agency']")).getText();
            assertThat(row.findElement(By.cssSelector("td[data-field='newApplications']")).getText())
                    .isEqualTo(String.valueOf(stored.get(agency)));
        }
        assertThat(browser().findElement(By.cssSelector("#missing-list")).getText()).contains(STOPPED);
        // 盐池县: none of three reports has an error; 中宁县: its one report has.
        assertThat(chartSeries(browser(), "county-error-chart", 0)).containsExactly(0L, 100L);

        browser().findElement(By.cssSelector("#review-table th[data-sort='newApplications']")).click();
        List<Long> ascending = stored.values().stream().sorted().toList();
        assertThat(browser().findElements(By.cssSelector("#review-table td[data-field='newApplications']")).stream()
                .map(td -> Long.valueOf(td.getText())).toList()).isEqualTo(ascending);
        screenshot("review.png");

        new Select(browser().findElement(By.id("city-filter"))).selectByValue("6405");
        assertThat(agenciesShown()).containsExactly(ZHONGNING);
        assertThat(browser().findElement(By.id("review-count")).getText()).isEqualTo("显示 1 / " + stored.size() + " 个机关");
        assertThat(browser().findElement(By.id("review-export")).getDomAttribute("href"))
                .isEqualTo("api/reviews/export.xlsx?province=64&year=2024");
    }

    /** The values an ECharts chart on the page draws for its {@code series}-th series. */
    static List<Long> chartSeries(WebDriver driver, String chartId, int series) {
        List<?> data = (List<?>) ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])).getOption().series[arguments[1]].data;", chartId, series);
        List<Long> values = new ArrayList<>();
        data.forEach(value -> values.add(value == null ? null : ((Number) value).longValue()));
        return values;
    }

    private Map<Integer, Long> newApplicationsByYear(Bson filter) {
        Map<Integer, Long> byYear = new TreeMap<>();
        store.reports().find(filter).forEach(d -> byYear.put(d.getInteger("year"), newApplications(d)));
        return byYear;
    }

    private static long newApplications(Document report) {
        return report.get("applications", Document.class).getList("newApplications", Integer.class).get(6);
    }

    private static List<String> agenciesShown() {
        return browser().findElements(By.cssSelector("#review-table td[data-field='agency']")).stream()
                .map(WebElement::getText).toList();
    }

    private void open(String hash) {
        browser().get("about:blank");
        browser().get(base + hash);
        waitForPage(hash);
    }

    private static void waitForPage(String hash) {
        new WebDriverWait(browser(), Duration.ofSeconds(30)).until(driver -> hash.equals(
                driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser().findElements(By.cssSelector("#view .error")))
                .as("errors shown on %s", hash).extracting(WebElement::getText).isEmpty();
    }

    private static WebDriver browser() {
        return chromium.driver();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
