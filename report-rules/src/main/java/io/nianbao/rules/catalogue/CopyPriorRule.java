package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.Set;
import java.util.Objects;

import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The report repeats the same agency's previous one: prose at least 90% alike (CASS 2017 found repeats up to
 * 90%), or section 三 and 四 tables identical and not all zero (东莞 2008–2010: identical figures).
 */
public final class CopyPriorRule extends YearToYearRule {
    public static final String ID = "COPY-PRIOR";

    static final double MIN_SIMILARITY = 0.9;
    /** Below this many characters the prose is boilerplate that every year shares. */
    static final int MIN_CHARS = 100;

    public CopyPriorRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.PREVIOUS_YEAR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        ParsedReport previous = history.previousYear();
        if (previous == null) {
            return List.of();
        }
        ProseMemo.Prose now = ProseMemo.of(report);
        ProseMemo.Prose before = ProseMemo.of(previous);
        if (now.compact != null && before.compact != null) {
            if (Math.min(now.compact.length(), before.compact.length()) >= MIN_CHARS) {
                double similarity = similarity(now, before);
                if (similarity >= MIN_SIMILARITY) {
                    String percent = Math.round(similarity * 100) + "%";
                    return List.of(Findings.failed(this, ReportProse.NARRATIVE_CELLS, "< " + Math.round(MIN_SIMILARITY * 100) + "%",
                            percent, "正文与 " + previous.getYear() + " 年度报告 " + percent + " 相同，疑照搬上年报告",
                            "The text is " + percent + " identical to the " + previous.getYear() + " report: a copy"));
                }
            }
        }
        if (sameTables(report, previous)) {
            return List.of(Findings.failed(this, List.of("applications", "review", "litigationDirect",
                    "litigationAfterReview"), "different figures", "identical figures",
                    "第三、四部分表格数据与 " + previous.getYear() + " 年度报告完全相同，疑照搬上年数据",
                    "The section 三 and 四 tables are identical to the " + previous.getYear() + " report's"));
        }
        return List.of();
    }

    private static boolean sameTables(ParsedReport report, ParsedReport previous) {
        if (report.getApplications() == null || !report.getApplications().equals(previous.getApplications())
                || !Objects.equals(report.getReview(), previous.getReview())
                || !Objects.equals(report.getLitigationDirect(), previous.getLitigationDirect())
                || !Objects.equals(report.getLitigationAfterReview(), previous.getLitigationAfterReview())) {
            return false;
        }
        // All-zero tables repeat for every agency that had no applications: no sign of copying.
        Integer fresh = ReportProse.newApplicationsTotal(report);
        Integer carried = ReportProse.carriedOverTotal(report);
        return fresh != null && carried != null && fresh + carried > 0;
    }

    /**
     * Dice coefficient of the two texts' character bigrams (multisets): 1 for identical texts. Each bigram is one
     * int (its two UTF-16 units) and the multisets sorted arrays: the rules compare every report with its year
     * before and its peers, several times when a report is judged again, and a map of substrings cost a third of
     * that (BENCHMARKS "validate-service's CPU").
     */
    static double similarity(String a, String b) {
        return similarity(ProseMemo.sortedBigrams(a), ProseMemo.sortedBigrams(b), (a.length() - 1) + (b.length() - 1));
    }

    /** {@link #similarity(String, String)} of the two compact texts, their bigrams sorted once per report. */
    static double similarity(ProseMemo.Prose a, ProseMemo.Prose b) {
        return similarity(a.sortedBigrams(), b.sortedBigrams(), (a.compact.length() - 1) + (b.compact.length() - 1));
    }

    private static double similarity(int[] one, int[] other, int bigrams) {
        // The multisets' intersection: each bigram as often as the text holding it fewer times.
        int shared = 0;
        for (int i = 0, j = 0; i < one.length && j < other.length;) {
            if (one[i] < other[j]) {
                i++;
            } else if (one[i] > other[j]) {
                j++;
            } else {
                shared++;
                i++;
                j++;
            }
        }
        return 2.0 * shared / bigrams;
    }
}
