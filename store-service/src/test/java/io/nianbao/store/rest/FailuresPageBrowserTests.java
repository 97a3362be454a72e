package io.nianbao.store.rest;

import static io.nianbao.store.rest.DocumentStatusTests.deadLetter;
import static io.nianbao.store.rest.DocumentStatusTests.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.DocumentEventListener;
import io.nianbao.store.producer.ReplayProducer;
import io.nianbao.store.repository.HeldDeadLetters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** The 处理失败 page in Debian's headless Chromium: the stored dead letters, their meaning in Chinese, a replay. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class FailuresPageBrowserTests {
    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestStore store;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private final HeldDeadLetters log = new HeldDeadLetters();

    @BeforeEach
    void storeDeadLetters() {
        store.clear();
        QuarkusMock.installMockForType(log, io.nianbao.store.repository.DeadLetterLog.class);
        deliver(1, "a", "UNREADABLE_DOCUMENT", Instant.parse("2025-01-20T08:00:00Z"));
        deliver(2, "b", "PARSE_TIMEOUT", Instant.parse("2025-01-21T08:00:00Z"));
    }

    private void deliver(int offset, String reportId, String errorType, Instant failedAt) {
        var letter = deadLetter(reportId, errorType, failedAt);
        log.hold(0, offset, letter);
        store.deliver(DocumentEventListener.DEAD_LETTER_CHANNEL, record(Topics.DLQ, 0, offset, failedAt, letter, "64"));
    }

    @Test
    void thePageListsEveryFailureWithItsStageAndMeaningInChineseAndFilters() throws IOException {
        open("#/failures");
        assertThat(rowIds()).containsExactly("dlq-0-2", "dlq-0-1");
        WebElement unreadable = row("dlq-0-1");
        assertThat(cell(unreadable, "stage")).isEqualTo("解析");
        assertThat(cell(unreadable, "errorType")).contains("文件无法读取");
        assertThat(cell(unreadable, "reason")).contains("zip file is truncated", "处理建议：请获取可正常打开的原文件后重新上传");
        assertThat(browser().findElement(By.id("failure-summary")).getText()).isEqualTo("解析 2 份");
        assertThat(browser().findElement(By.id("failure-count")).getText()).isEqualTo("共 2 条");
        screenshot("failures.png");

        WebElement form = browser().findElement(By.id("failure-form"));
        form.findElement(By.name("errorType")).sendKeys("PARSE_TIMEOUT");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready",
                "#/failures?errorType=PARSE_TIMEOUT"));
        assertThat(rowIds()).containsExactly("dlq-0-2");
    }

    @Test
    void theReplayButtonPublishesTheOriginalRecordOnce() {
        open("#/failures");
        ((JavascriptExecutor) browser()).executeScript("sessionStorage.setItem('nianbao.apiKey', 'test-api-key');");
        WebElement button = row("dlq-0-1").findElement(By.cssSelector("button.replay"));
        button.click();
        waitUpTo(Duration.ofSeconds(30)).until(driver -> button.getText().startsWith("已重新处理 "));
        assertThat(button.isEnabled()).isFalse();
        assertThat(connector.sink(ReplayProducer.CHANNEL).received()).hasSize(1);

        open("#/failures");
        WebElement again = row("dlq-0-1").findElement(By.cssSelector("button.replay"));
        assertThat(again.getText()).isEqualTo("已重新处理");
        assertThat(again.isEnabled()).isFalse();
    }

    private static List<String> rowIds() {
        return browser().findElements(By.cssSelector("#failure-list tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-dead-letter-id")).toList();
    }

    private static WebElement row(String id) {
        return browser().findElement(By.cssSelector("#failure-list tr[data-dead-letter-id='" + id + "']"));
    }

    private static String cell(WebElement row, String field) {
        return row.findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
    }

    private void open(String hash) {
        browser().get("about:blank");
        browser().get(base + hash);
        waitUpTo(Duration.ofSeconds(30)).until(driver -> hash.equals(
                driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitUpTo(Duration.ofSeconds(30)).until(driver -> driver.findElement(By.id("failure-count")).getText().startsWith("共"));
        assertThat(browser().findElements(By.cssSelector("#view .error"))).isEmpty();
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
