package io.nianbao.corpus;

import java.util.List;
import java.util.Locale;

import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParseException;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.ParsedReport;

/** Renders reports in one form, parses each rendering and scores it against its truth. */
public final class Accuracy {
    /** One rendering: its bytes, what the parser made of them (null when it refused them) and the score. */
    public record Parsed(LabelledReport report, Form form, byte[] bytes, ParsedReport parsed, String refusal,
            CellScore score) {
    }

    /** A form's totals over a corpus. */
    public record FormResult(Form form, int reports, int refused, CellScore score) {
        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d (%.2f%%) | %d | %d | %d |", form, reports,
                    refused, score.expected(), score.correct(), 100 * score.accuracy(), score.missing(), score.wrong(),
                    score.invented());
        }

        public static FormResult of(Form form, List<Parsed> renderings) {
            CellScore total = renderings.stream().map(Parsed::score).reduce(CellScore.NONE, CellScore::plus);
            int refused = (int) renderings.stream().filter(parsed -> parsed.parsed() == null).count();
            return new FormResult(form, renderings.size(), refused, total);
        }

        public static String header() {
            return "| form | reports | refused | cells expected | correct | null | wrong | invented |\n"
                    + "|---|---|---|---|---|---|---|---|";
        }
    }

    private final ReportParser parser = new ReportParser();

    public Parsed parse(LabelledReport report, Form form) {
        byte[] bytes = form.render(report);
        try {
            ParsedReport parsed = parser.parse(bytes, SourceInfo.ofFile(form.fileName(report)));
            return new Parsed(report, form, bytes, parsed, null, CellScore.compare(form.printedTruth(report), parsed));
        } catch (ReportParseException e) {
            return new Parsed(report, form, bytes, null, e.getMessage(), CellScore.compare(form.printedTruth(report), null));
        }
    }

    /** Every report in one form. */
    public List<Parsed> parse(List<LabelledReport> reports, Form form) {
        return reports.stream().map(report -> parse(report, form)).toList();
    }
}
