package io.nianbao.rules.catalogue;

import static io.nianbao.template.CaseGroup.LITIGATION_AFTER_REVIEW;
import static io.nianbao.template.CaseGroup.LITIGATION_DIRECT;
import static io.nianbao.template.CaseGroup.REVIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The prose says nothing happened while the table counts something: 「未收到…申请」 against 一、本年新收 总计, and
 * 「未发生…行政复议、行政诉讼」 against the section 四 totals of the groups the clause names.
 */
public final class ProseNoneRule extends CatalogueRule {
    public static final String ID = "PROSE-NONE";

    // The lookahead skips a position no alternative starts at in one test (BENCHMARKS "The prose rules' alternations").
    private static final Pattern NO_APPLICATION =
            Pattern.compile("(?=[未没])(未收到|没有收到|未接到|没有接到|未受理|没有受理)[^，,]{0,20}申请");
    private static final Pattern NO_CASE =
            Pattern.compile("(?=[未没])(未发生|没有发生|未收到|没有收到|未出现|未产生|未涉及)[^，,]{0,20}(行政复议|行政诉讼)");

    public ProseNoneRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (String clause : ReportProse.clauses(ReportProse.narrative(report))) {
            boolean aboutCases = clause.contains("复议") || clause.contains("诉讼");
            if (aboutCases && NO_CASE.matcher(clause).find()) {
                if (clause.contains("复议")) {
                    check(findings, clause, ReportProse.caseTotal(report, REVIEW), ReportProse.caseCells(REVIEW), "行政复议");
                }
                if (clause.contains("诉讼")) {
                    check(findings, clause, ReportProse.caseTotal(report, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW),
                            ReportProse.caseCells(LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW), "行政诉讼");
                }
            } else if (!aboutCases && NO_APPLICATION.matcher(clause).find()) {
                check(findings, clause, ReportProse.newApplicationsTotal(report),
                        List.of("applications.newApplications[6]"), "政府信息公开申请");
            }
        }
        return findings;
    }

    private void check(List<Finding> findings, String clause, Integer counted, List<String> cells, String whatZh) {
        if (counted == null) {
            findings.add(Findings.notAssessable(this, cells,
                    "正文称「" + clause + "」，但表格中" + whatZh + "数未读出，无法核对",
                    "The text says 「" + clause + "」 but the table's count was not read; cannot be checked"));
        } else if (counted > 0) {
            findings.add(Findings.failed(this, cells, "0", Integer.toString(counted),
                    "正文称「" + clause + "」，但表格中" + whatZh + "共 " + counted + " 件",
                    "The text says there were none (「" + clause + "」) but the table counts " + counted));
        }
    }
}
