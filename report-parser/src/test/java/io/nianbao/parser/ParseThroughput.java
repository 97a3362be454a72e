package io.nianbao.parser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: a throughput measurement over the fixture texts on one thread (so: per core), with peak heap. Besides
 * the wall-clock rate it gives the rate per second of the thread's own CPU time, which other work on a shared machine
 * does not dilute.
 * Run from report-parser/ after {@code test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.nianbao.parser.ParseThroughput [seconds]}
 * where cp.txt comes from {@code dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ParseThroughput {
    private ParseThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        List<byte[]> documents = new ArrayList<>();
        for (String directory : List.of("../samples/reports", "../samples/real-reports")) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    documents.add(Files.readAllBytes(file));
                }
            }
        }
        ReportParser parser = new ReportParser();
        SourceInfo source = SourceInfo.ofFile("report.txt");
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (byte[] document : documents) {
                parser.parse(document, source);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long parsed = 0;
        long peakHeap = 0;
        while (System.nanoTime() < end) {
            for (byte[] document : documents) {
                parser.parse(document, source);
                parsed++;
            }
            Runtime runtime = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%d text reports (%d fixtures) in %.1f s: %.0f reports/s on one thread, %.0f per CPU-second"
                + " (%.1f s of CPU); peak heap %d MB%n",
                parsed, documents.size(), elapsed, parsed / elapsed, parsed / cpu, cpu, peakHeap / (1024 * 1024));
    }
}
