package io.nianbao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed reports of samples/reports the end-to-end tests upload, and the change that makes one not add up. */
final class SampleReports {
    static final Path DIR = Path.of(System.getProperty("nianbao.home", "..")).resolve("samples/reports");
    /** A town's report (盐池县花马池镇 2024) that adds up. */
    static final String SEED_000 = "000_e70ccd0979ef1614.txt";
    /** A town's report (孟津区白鹤镇 2024) whose section 三 counts one new application. */
    static final String SEED_002 = "002_205615ee8de7c4c5.txt";

    private static final String ONE_NEW_APPLICATION = "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1";
    private static final String TWO_NEW_APPLICATIONS = "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2";

    private SampleReports() {
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Seed 002's text (renamed or not) with two new applications instead of one: new + carried over (2) ≠ processed
     * + carried forward (1) in the natural-person column and in the total column, and the prose still says it
     * received one — three alerts.
     */
    static String withTwoNewApplications(String seed002) {
        if (!seed002.contains(ONE_NEW_APPLICATION)) {
            throw new IllegalArgumentException("not seed 002's row of new applications: the sample changed?");
        }
        return seed002.replace(ONE_NEW_APPLICATION, TWO_NEW_APPLICATIONS);
    }
}
