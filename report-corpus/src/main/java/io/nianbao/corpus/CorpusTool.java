package io.nianbao.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.nianbao.corpus.render.Form;
import io.nianbao.schema.ParsedReport;

/**
 * Writes a labelled corpus (every available form, each file with its {@code .truth.json}) and prints the parser's
 * accuracy per form and the rules' recall and false errors (on the truths and on each form as parsed) as Markdown
 * tables, for docs/BENCHMARKS.md.
 *
 * <pre>CorpusTool [--out DIR] [--count N] [--seed S] [--injected SHARE] [--forms FORM,…]</pre>
 * {@code --forms} limits the run to some forms (e.g. {@code column_wise}); the scan form alone takes seconds a report.
 */
public final class CorpusTool {
    private CorpusTool() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int count = 50;
        long seed = 2026;
        double injected = 0.3;
        List<Form> forms = List.of(Form.values());
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> out = Path.of(required(args[i], value));
                case "--count" -> count = Integer.parseInt(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--injected" -> injected = Double.parseDouble(required(args[i], value));
                case "--forms" -> forms = Arrays.stream(required(args[i], value).split(","))
                        .map(form -> Form.valueOf(form.strip().toUpperCase(Locale.ROOT))).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: CorpusTool"
                        + " [--out DIR] [--count N] [--seed S] [--injected SHARE] [--forms FORM,…]");
            }
            i++;
        }
        List<LabelledReport> reports = new ReportGenerator(seed, injected).reports(count);
        System.out.println(report(reports, forms, out, seed, injected));
    }

    /**
     * Writes the corpus when {@code out} is given; returns the accuracy tables (all reports, consistent ones) and the
     * rule recall tables.
     */
    static String report(List<LabelledReport> reports, List<Form> forms, Path out, long seed, double injected)
            throws IOException {
        Accuracy accuracy = new Accuracy();
        RuleRecall recall = new RuleRecall();
        RuleRecall.Result onTruths = recall.onTruths(reports);
        StringBuilder rules = new StringBuilder(RuleRecall.Result.summaryHeader()).append('\n')
                .append(onTruths.summaryRow()).append('\n');
        StringBuilder misses = new StringBuilder();
        long consistent = reports.stream().filter(LabelledReport::consistent).count();
        StringBuilder all = new StringBuilder(Accuracy.FormResult.header()).append('\n');
        StringBuilder clean = new StringBuilder(Accuracy.FormResult.header()).append('\n');
        List<String> skipped = new ArrayList<>();
        for (Form form : forms) {
            if (!form.available()) {
                skipped.add(form + " (no CJK font: install fonts-wqy-microhei)");
                continue;
            }
            List<Accuracy.Parsed> renderings = accuracy.parse(reports, form);
            if (out != null) {
                for (Accuracy.Parsed parsed : renderings) {
                    write(out.resolve(form.name().toLowerCase(Locale.ROOT)), parsed);
                }
            }
            List<Accuracy.Parsed> consistentRenderings = renderings.stream()
                    .filter(parsed -> parsed.report().consistent()).toList();
            all.append(Accuracy.FormResult.of(form, renderings).row()).append('\n');
            clean.append(Accuracy.FormResult.of(form, consistentRenderings).row()).append('\n');
            RuleRecall.Result onForm = recall.onParsed(renderings, form + ", parsed");
            rules.append(onForm.summaryRow()).append('\n');
            if (!onForm.misses().isEmpty()) {
                misses.append(form).append(" missed: ").append(String.join(", ", onForm.misses())).append('\n');
            }
        }
        return "Corpus: " + reports.size() + " generated reports (seed " + seed + ", " + (reports.size() - consistent)
                + " with an injected inconsistency" + (out == null ? "" : ", written to " + out) + ")\n\n"
                + "All reports:\n" + all + "\nConsistent reports only:\n" + clean
                + (skipped.isEmpty() ? "" : "\nNot rendered: " + String.join(", ", skipped) + "\n")
                + "\nRule recall and false errors:\n" + rules + misses + "\n" + onTruths.table();
    }

    private static void write(Path dir, Accuracy.Parsed parsed) throws IOException {
        Files.createDirectories(dir);
        String name = parsed.form().fileName(parsed.report());
        Files.write(dir.resolve(name), parsed.bytes());
        ParsedReport truth = TruthFiles.truthOf(parsed.report(), parsed.form(), parsed.bytes().length);
        Files.writeString(dir.resolve(name + ".truth.json"), TruthFiles.json(parsed.report(), parsed.form(), truth),
                StandardCharsets.UTF_8);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
