package io.nianbao.corpus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.ReportHistory;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * Not a test: the heap one entry of validate-service's year-to-year history takes. Generated reports are parsed
 * from their text rendering, encoded and decoded as Avro (as validate-service reads them from reports.history),
 * and recorded in a {@link ReportHistory} under distinct agencies; the retained heap is measured after full
 * collections. With a directory, its report files (e.g. {@code samples/real-reports}) stand in for the generated
 * reports. Run from the repository root:
 * <pre>
 * ./mvnw -o -q -pl report-corpus -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp report-corpus/target/test-classes:report-corpus/target/classes:report-parser/target/classes:\
 *   schemas/target/classes:gazetteer/target/classes:report-rules/target/classes:$(cat /tmp/cp.txt) \
 *   io.nianbao.corpus.HistoryFootprint [entries] [directory]
 * </pre>
 */
public final class HistoryFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HistoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ReportParser parser = new ReportParser();
        AvroCodec<ParsedReport> codec = AvroCodec.of(ParsedReport.class);
        List<byte[]> encoded = new ArrayList<>();
        if (args.length > 1) {
            try (var files = Files.list(Path.of(args[1]))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    encoded.add(codec.encode(parser.parse(Files.readAllBytes(file), SourceInfo.ofFile(file.toString()))));
                }
            }
        } else {
            for (LabelledReport report : new ReportGenerator(2026, 0.0).reports(200)) {
                encoded.add(codec.encode(parser.parse(Form.TEXT.render(report), SourceInfo.ofFile(report.id() + ".txt"))));
            }
        }
        int distinct = encoded.size();
        long bytes = encoded.stream().mapToLong(value -> value.length).sum();
        long before = retainedHeap();
        ReportHistory history = new ReportHistory();
        for (int i = 0; i < entries; i++) {
            // Every entry decoded on its own, as from the topic: nothing shared between entries but interned constants.
            ParsedReport report = codec.decode(encoded.get(i % distinct));
            report.setAgency(report.getAgency() + "-" + i);
            history.record("64|" + report.getAgency(), report);
        }
        long after = retainedHeap();
        System.out.printf(Locale.ROOT, "%d history entries: %.1f MB retained, %.1f KB per entry (Avro value %.1f KB on average)%n",
                entries, (after - before) / 1e6, (after - before) / 1e3 / entries, bytes / 1e3 / distinct);
        // Keeps the history reachable until measured.
        System.out.println(history.find("64|" + "x", 2024) == null ? "" : "?");
    }

    private static long retainedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
