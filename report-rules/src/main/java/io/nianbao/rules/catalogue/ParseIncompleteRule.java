package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.Completeness;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The parse is too incomplete to judge the report: a section 三 or 四 table is missing, or too few of the
 * template's cells were read. Such a report needs a human, however many identities happened to hold.
 */
public final class ParseIncompleteRule extends CatalogueRule {
    public static final String ID = "PARSE-INCOMPLETE";

    /**
     * Below this share of the template's cells, so many identities go unchecked that "consistent" would
     * mislead. Seed 003, whose PDF extraction drops one or two cells in most section 三 rows, still keeps
     * about 85% of its cells.
     */
    static final double MIN_CELLS_READ = 0.8;

    public ParseIncompleteRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        if (report.getApplications() == null) {
            findings.add(Findings.failed(this, List.of("applications"), null, null,
                    "第三部分表格（收到和处理政府信息公开申请情况）未读出，无法判断报告是否自洽，需人工复核",
                    "The section 三 table (applications received and handled) was not read; the report cannot be"
                            + " judged and needs review"));
        }
        if (unread(report.getReview()) && unread(report.getLitigationDirect())
                && unread(report.getLitigationAfterReview())) {
            findings.add(Findings.failed(this, List.of("review", "litigationDirect", "litigationAfterReview"),
                    null, null,
                    "第四部分表格（行政复议、行政诉讼情况）未读出，无法判断报告是否自洽，需人工复核",
                    "The section 四 table (administrative review and litigation) was not read; the report cannot"
                            + " be judged and needs review"));
        }
        Completeness completeness = report.getCompleteness();
        int expected = completeness.getCellsExpected();
        int read = completeness.getCellsRead();
        // cellsExpected 0: the parser did not count, so there is no share to judge.
        int minimum = (int) Math.ceil(MIN_CELLS_READ * expected);
        if (expected > 0 && read < minimum) {
            findings.add(Findings.failed(this, List.of("completeness.cellsRead", "completeness.cellsExpected"),
                    ">= " + minimum, Integer.toString(read),
                    "仅读出 " + read + " / " + expected + " 个表格单元格（低于 " + percent() + "），无法判断报告是否自洽，需人工复核",
                    "Only " + read + " of " + expected + " table cells were read (below " + percent()
                            + "); the report cannot be judged and needs review"));
        }
        return findings;
    }

    /** A group the parser found but could not read a single number of is as unread as a missing one. */
    private static boolean unread(CaseOutcomes group) {
        return group == null || Stream.of(group.getUpheld(), group.getCorrected(), group.getOther(), group.getPending(),
                group.getTotal()).allMatch(Objects::isNull);
    }

    private static String percent() {
        return Math.round(MIN_CELLS_READ * 100) + "%";
    }
}
