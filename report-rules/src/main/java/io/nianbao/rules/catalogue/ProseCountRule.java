package io.nianbao.rules.catalogue;

import static io.nianbao.template.CaseGroup.LITIGATION_AFTER_REVIEW;
import static io.nianbao.template.CaseGroup.LITIGATION_DIRECT;
import static io.nianbao.template.CaseGroup.REVIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * A count the prose states against the table: 「收到…申请 N 件」 against 一、本年新收 总计 (or 一 + 二, which some
 * agencies report as received), 「行政复议 N 件」 against 复议 总计, 「行政诉讼 N 件」 against 直诉 + 复议后起诉.
 */
public final class ProseCountRule extends CatalogueRule {
    public static final String ID = "PROSE-COUNT";

    // The lookahead skips a position no alternative starts at in one test (BENCHMARKS "The prose rules' alternations").
    private static final List<Pattern> APPLICATIONS = List.of(
            Pattern.compile("(?=[收受接])(?:收到|受理|接到|接收)[^。；，,\\d]{0,25}?申请(?:共|共计|合计)?(\\d+)[件条个]"),
            Pattern.compile("(?=[收受接])(?:收到|受理|接到|接收)[^。；\\d]{0,25}?(\\d+)[件条个][^。；，,\\d]{0,15}申请"));
    private static final Pattern REVIEWS = Pattern.compile("行政复议(?:案件|申请)?(?:共|共计)?(\\d+)[件起个]");
    private static final Pattern LAWSUITS = Pattern.compile("行政诉讼(?:案件)?(?:共|共计)?(\\d+)[件起个]");

    public ProseCountRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (String clause : ReportProse.clauses(ReportProse.narrative(report))) {
            if (clause.contains("复议") || clause.contains("诉讼")) {
                stated(REVIEWS, clause).ifPresent(n -> compare(findings, clause, n,
                        ReportProse.caseTotal(report, REVIEW), null, ReportProse.caseCells(REVIEW)));
                stated(LAWSUITS, clause).ifPresent(n -> compare(findings, clause, n,
                        ReportProse.caseTotal(report, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW), null,
                        ReportProse.caseCells(LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW)));
                continue;
            }
            for (Pattern pattern : APPLICATIONS) {
                var stated = stated(pattern, clause);
                if (stated.isPresent()) {
                    Integer fresh = ReportProse.newApplicationsTotal(report);
                    Integer carried = ReportProse.carriedOverTotal(report);
                    compare(findings, clause, stated.get(), fresh,
                            fresh == null || carried == null ? null : fresh + carried,
                            List.of("applications.newApplications[6]", "applications.carriedOver[6]"));
                    break;
                }
            }
        }
        return findings;
    }

    private static Optional<Integer> stated(Pattern pattern, String clause) {
        Matcher matcher = pattern.matcher(clause);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** {@code alternative}: a second table figure the statement may also mean; null when there is none. */
    private void compare(List<Finding> findings, String clause, int stated, Integer counted, Integer alternative,
            List<String> cells) {
        if (counted == null) {
            findings.add(Findings.notAssessable(this, cells,
                    "正文称「" + clause + "」，但表格对应数值未读出，无法核对",
                    "The text says 「" + clause + "」 but the table's figure was not read; cannot be checked"));
        } else if (stated != counted && (alternative == null || stated != alternative)) {
            findings.add(Findings.failed(this, cells, Integer.toString(counted), Integer.toString(stated),
                    "正文称「" + clause + "」（" + stated + "），表格为 " + counted,
                    "The text states " + stated + " (「" + clause + "」) but the table counts " + counted));
        }
    }
}
