package io.nianbao.store.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.nianbao.testsupport.MachineTool;

/**
 * Debian's headless Chromium driven by its chromedriver, with a throw-away profile: started before a test
 * class's tests and quit after them ({@code @RegisterExtension static}).
 */
final class HeadlessChromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // The module runs from store-service/, the screenshots live in the repository's docs/.
    private static final Path SCREENSHOTS = Path.of("../docs/screenshots");

    private Path profile;
    private WebDriver driver;

    /** Starts Chromium where it is installed; {@link #beforeEach} skips or fails each test where it is not. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            return;
        }
        profile = Files.createTempDirectory("nianbao-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Per test, not per class: surefire counts skipped tests, but not a class skipped before its tests. */
    @Override
    public void beforeEach(ExtensionContext context) {
        MachineTool.CHROMIUM.require(installed(), "the dashboard's browser tests (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile == null) {
            return;
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
