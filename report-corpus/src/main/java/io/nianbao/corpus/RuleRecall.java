package io.nianbao.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The rule engine measured against the corpus labels: of the reports carrying an {@link Injection}, how many the rule
 * the injection names flags FAILED (recall); of the consistent reports, how many get a FAILED ERROR finding (false
 * errors). Run once on the truths and once on what the parser read, so a rule gap and a parser gap are told apart.
 */
public final class RuleRecall {
    /** What the engine was given: the truth itself, or the parser's reading of one rendering. */
    public record Subject(LabelledReport report, ParsedReport checked) {
    }

    /** One injection kind: how many reports carry it and how many of them its rule flagged FAILED. */
    public record Row(Injection injection, int injected, int caught) {
        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %s |", injection.ruleId(), injected, caught,
                    percent(caught, injected));
        }
    }

    /**
     * A corpus's figures. {@code unread} counts reports the engine could not be given (the parser refused them): an
     * injected one counts as missed.
     *
     * @param misses      "report-id INJECTION" for each injected report its rule did not flag
     * @param falseErrors "report-id RULE-ID" for each FAILED ERROR finding on a consistent report
     */
    public record Result(String source, List<Row> rows, int consistent, int consistentWithErrors, int unread,
            List<String> misses, List<String> falseErrors) {
        public int injected() {
            return rows.stream().mapToInt(Row::injected).sum();
        }

        public int caught() {
            return rows.stream().mapToInt(Row::caught).sum();
        }

        /** One line of {@link #summaryHeader()}: the whole corpus from this source. */
        public String summaryRow() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %d of %d |", source, injected(), caught(),
                    percent(caught(), injected()), consistentWithErrors, consistent);
        }

        public static String summaryHeader() {
            return "| rules run on | injected | flagged by their rule | recall | consistent reports with a false error |\n"
                    + "|---|---|---|---|---|";
        }

        /** A Markdown table for docs/BENCHMARKS.md: recall per injected rule, then the false errors. */
        public String table() {
            StringBuilder table = new StringBuilder("Rules on " + source + ":\n")
                    .append("| injected rule | reports | flagged FAILED by it | recall |\n|---|---|---|---|\n");
            rows.forEach(row -> table.append(row.row()).append('\n'));
            table.append(String.format(Locale.ROOT, "| **all** | %d | %d | %s |%n", injected(), caught(),
                    percent(caught(), injected())));
            table.append(String.format(Locale.ROOT,
                    "False errors: %d of %d consistent reports got a FAILED ERROR finding%s%n", consistentWithErrors,
                    consistent, falseErrors.isEmpty() ? "" : " (" + String.join(", ", falseErrors) + ")"));
            if (unread > 0) {
                table.append("Not read by the parser: ").append(unread).append('\n');
            }
            if (!misses.isEmpty()) {
                table.append("Missed: ").append(String.join(", ", misses)).append('\n');
            }
            return table.toString();
        }
    }

    private final RuleEngine engine = new RuleEngine();

    /** The engine on each truth, no parsing: a miss here is the rule's (or the generator's), not the parser's. */
    public Result onTruths(List<LabelledReport> reports) {
        return measure("the truths (no parsing)",
                reports.stream().map(report -> new Subject(report, report.truth())).toList());
    }

    /** The engine on what the parser read from each rendering. */
    public Result onParsed(List<Accuracy.Parsed> renderings, String source) {
        return measure(source, renderings.stream().map(parsed -> new Subject(parsed.report(), parsed.parsed()))
                .toList());
    }

    public Result measure(String source, List<Subject> subjects) {
        Map<Injection, int[]> counts = new EnumMap<>(Injection.class);
        List<String> misses = new ArrayList<>();
        List<String> falseErrors = new ArrayList<>();
        int consistent = 0;
        int consistentWithErrors = 0;
        int unread = 0;
        for (Subject subject : subjects) {
            LabelledReport report = subject.report();
            List<Finding> failed = subject.checked() == null
                    ? List.of()
                    : engine.validate(subject.checked()).findings().stream()
                            .filter(finding -> finding.getOutcome() == Outcome.FAILED).toList();
            if (subject.checked() == null) {
                unread++;
            }
            for (Injection injection : report.injections()) {
                int[] count = counts.computeIfAbsent(injection, i -> new int[2]);
                count[0]++;
                if (failed.stream().anyMatch(finding -> finding.getRuleId().equals(injection.ruleId()))) {
                    count[1]++;
                } else {
                    misses.add(report.id() + " " + injection.ruleId());
                }
            }
            if (report.consistent()) {
                consistent++;
                List<String> errors = failed.stream().filter(finding -> finding.getSeverity() == Severity.ERROR)
                        .map(finding -> report.id() + " " + finding.getRuleId()).toList();
                falseErrors.addAll(errors);
                consistentWithErrors += errors.isEmpty() ? 0 : 1;
            }
        }
        List<Row> rows = counts.entrySet().stream()
                .map(entry -> new Row(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
        return new Result(source, rows, consistent, consistentWithErrors, unread, misses, falseErrors);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
