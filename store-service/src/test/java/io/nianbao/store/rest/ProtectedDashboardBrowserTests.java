package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.AlertListener;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The dashboard in headless Chromium when reads need the API key: asked for once, then the live feed works. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@TestProfile(ProtectedAlertStreamTests.ProtectedReads.class)
class ProtectedDashboardBrowserTests {
    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @Test
    void theKeyIsAskedForOnceAndTheOverviewAndTheLiveFeedWorkWithIt() {
        store.clear();
        reports.store(validated("r1", "盐池县花马池镇人民政府", 2024, "64", "p1"));
        WebDriver browser = chromium.driver();
        browser.get(base + "#/");

        Alert prompt = waitUpTo(browser).until(ExpectedConditions.alertIsPresent());
        assertThat(prompt.getText()).contains("API 密钥");
        prompt.sendKeys("test-api-key");
        prompt.accept();

        waitUpTo(browser).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "#/"));
        assertThat(browser.findElements(By.cssSelector("#overview-table tr[data-code='64']"))).hasSize(1);
        // The stream opened with a token: EventSource sent no key.
        waitUpTo(browser).until(ExpectedConditions.textToBe(By.id("feed-state"), "已连接"));
        store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                alert("protected-feed-1", "r1", "64", 2024, Instant.parse("2025-02-03T00:00:00Z"))));
        waitUpTo(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#alert-feed li.new[data-alert-id='protected-feed-1']")));
    }

    private static WebDriverWait waitUpTo(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
