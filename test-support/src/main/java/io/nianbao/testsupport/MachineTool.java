package io.nianbao.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program or file some tests need from the machine, with the Debian packages that provide it. Where it is
 * missing, a test that needs it is skipped (a JUnit assumption, counted as skipped in the Maven summary), except
 * under CI ({@code CI} set, as CI runs with {@code CI=true}): there every test must run, so it fails with the
 * install line instead.
 */
public enum MachineTool {
    CJK_FONT("a CJK TrueType font", "fonts-wqy-microhei"),
    TESSERACT_CHI_SIM("Tesseract with its simplified-Chinese model", "tesseract-ocr tesseract-ocr-chi-sim"),
    CHROMIUM("Chromium and its ChromeDriver", "chromium chromium-driver"),
    /** Compose v1: it resolves and checks a compose file without a Docker engine, which this machine has not. */
    DOCKER_COMPOSE("docker-compose", "docker-compose");

    private final String description;
    private final String packages;

    MachineTool(String description, String packages) {
        this.description = description;
        this.packages = packages;
    }

    /** The line that installs it on Debian or Ubuntu. */
    public String installLine() {
        return "apt-get install " + packages;
    }

    /**
     * Lets the test go on when the tool is installed; otherwise skips it, or fails it under CI.
     *
     * @param installed whether this machine has the tool, as the code that uses it detects it
     * @param neededFor what the test cannot check without it
     */
    public void require(boolean installed, String neededFor) {
        if (installed) {
            return;
        }
        String missing = description + " is not installed, needed for " + neededFor + ": " + installLine();
        if (underCi(System.getenv("CI"))) {
            Assertions.fail(missing + " (CI runs every test; .ci/run installs it)");
        }
        Assumptions.abort(missing);
    }

    static boolean underCi(String ci) {
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
