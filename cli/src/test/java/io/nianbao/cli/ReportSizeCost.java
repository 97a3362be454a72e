package io.nianbao.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * Not a test: what a report costs the parser and the rules, and its size, for the reports {@code bench} uploads
 * ({@link BenchReports}, as generated and real-sized) against the real reports of {@code samples/real-reports}: the
 * bench's figures are for its reports, and this says how far real ones differ. CPU time of this thread, the kinds
 * alternated round by round. Run from the repository root, after {@code ./mvnw -o -q install -DskipTests}:
 * <pre>
 * ./mvnw -o -q -pl cli test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp cli/target/test-classes:cli/target/classes:$(cat /tmp/cp.txt) io.nianbao.cli.ReportSizeCost \
 *   samples/real-reports [rounds]
 * </pre>
 */
public final class ReportSizeCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Passes over a kind's reports per round: enough CPU time per figure for the thread clock. */
    private static final int PASSES = 50;

    private record Kind(String name, List<String> texts) {
    }

    private ReportSizeCost() {
    }

    private static List<String> texts(BenchReports reports) {
        return reports.texts(0, 20).stream().map(text -> new String(text, StandardCharsets.UTF_8)).toList();
    }

    public static void main(String[] args) throws Exception {
        List<String> real = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                real.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        List<Kind> kinds = List.of(new Kind("bench", texts(new BenchReports())),
                new Kind("bench --real-sized", texts(BenchReports.realSized())), new Kind("real", real));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        ReportParser parser = new ReportParser();
        RuleEngine engine = new RuleEngine();
        AvroCodec<ParsedReport> avro = AvroCodec.of(ParsedReport.class);
        for (int round = 1; round <= rounds; round++) {
            for (Kind kind : kinds) {
                long parseNanos = 0;
                long judgeNanos = 0;
                long textBytes = 0;
                long avroBytes = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    for (String text : kind.texts()) {
                        long start = THREADS.getCurrentThreadCpuTime();
                        ParsedReport report = parser.parse(text, SourceInfo.ofFile("report.txt"));
                        long parsed = THREADS.getCurrentThreadCpuTime();
                        engine.validate(report);
                        judgeNanos += THREADS.getCurrentThreadCpuTime() - parsed;
                        parseNanos += parsed - start;
                        if (pass == 0) {
                            textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                            avroBytes += avro.encode(report).length;
                        }
                    }
                }
                int reports = PASSES * kind.texts().size();
                System.out.printf(Locale.ROOT, "round %d %-19s text %,6d B, Avro %,6d B; parse %,5d µs, rules %,5d µs a report%n",
                        round, kind.name(), textBytes / kind.texts().size(), avroBytes / kind.texts().size(),
                        parseNanos / reports / 1000, judgeNanos / reports / 1000);
            }
        }
    }
}
