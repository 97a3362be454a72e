package io.nianbao.rules.catalogue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.ParsedReport;

/**
 * The heap a thread's {@link ProseMemo} keeps reachable when it is full: 64 report objects (the real reports of
 * {@code samples/real-reports}, each parsed again for a report object of its own) with their compact text, sorted
 * bigrams and fingerprint derived. Used heap after a full collection, with the memo filled and then emptied (filled
 * with a tiny report's 64 copies), the reports held by nothing else. A tool run by hand (docs/BENCHMARKS.md); it
 * asserts nothing.
 * <p>
 * {@code ProseMemoHeap <samples/real-reports directory>}
 */
public final class ProseMemoHeap {
    private static final int RECENT = 64;

    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        ReportParser parser = new ReportParser();
        ParsedReport tiny = parser.parse(texts.get(0).substring(0, 2000), SourceInfo.ofFile("tiny.txt"));
        long chars = 0;
        for (int round = 0; round < 3; round++) {
            long empty = usedAfterCollection();
            for (int n = 0; n < RECENT; n++) {
                String text = texts.get(n % texts.size());
                chars += text.length();
                ParsedReport report = parser.parse(text, SourceInfo.ofFile(n + ".txt"));
                ProseMemo.Prose prose = ProseMemo.of(report);
                prose.sortedBigrams();
                prose.fingerprint();
            }
            long full = usedAfterCollection();
            for (int n = 0; n < RECENT; n++) {
                // Copies of one tiny report, each its own object: the memo's 64 places taken by next to nothing.
                ProseMemo.Prose prose = ProseMemo.of(ParsedReport.newBuilder(tiny).build());
                prose.sortedBigrams();
                prose.fingerprint();
            }
            long emptied = usedAfterCollection();
            System.out.printf("round %d: used %.1f MB before, %.1f MB with the memo full of %d real reports, %.1f MB"
                    + " emptied: the memo kept %.1f MB (%.0f KB a report)%n", round, empty / 1e6, full / 1e6, RECENT,
                    emptied / 1e6, (full - emptied) / 1e6, (full - emptied) / 1e3 / RECENT);
        }
        System.out.printf("(%d documents, %.0f characters of text each on average)%n", texts.size(),
                (double) chars / (3 * RECENT));
    }

    private static long usedAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
