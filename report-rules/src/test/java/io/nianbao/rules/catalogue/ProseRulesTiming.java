package io.nianbao.rules.catalogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.Rule;
import io.nianbao.schema.ParsedReport;

/**
 * The time each prose rule takes to judge a report: the real reports of {@code samples/real-reports}, parsed once,
 * judged by each rule over and over, in rounds (the first the JIT's). A tool run by hand, in two builds back to back
 * (docs/BENCHMARKS.md "The prose rules' alternations"); it asserts nothing.
 * <p>
 * {@code ProseRulesTiming <samples/real-reports directory> [rounds]}
 */
public final class ProseRulesTiming {
    private static final int PASSES = 200;

    public static void main(String[] args) throws Exception {
        ReportParser parser = new ReportParser();
        List<ParsedReport> reports = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                reports.add(parser.parse(Files.readString(file, StandardCharsets.UTF_8),
                        SourceInfo.ofFile(file.getFileName().toString())));
            }
        }
        List<Rule> rules = List.of(new ProseCountRule(), new ProseNoneRule(), new ProseSumRule(), new BodyYearRule(),
                new SelfReferenceRule());
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            long all = 0;
            for (Rule rule : rules) {
                long start = System.nanoTime();
                int findings = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    for (ParsedReport report : reports) {
                        findings += rule.evaluate(report).size();
                    }
                }
                long spent = System.nanoTime() - start;
                all += spent;
                line.append(String.format(" %s %.1f µs (%d)", rule.id(), spent / 1e3 / PASSES / reports.size(),
                        findings / PASSES));
            }
            System.out.println(line.append(String.format("; all five %.1f µs a report", all / 1e3 / PASSES
                    / reports.size())));
        }
    }
}
