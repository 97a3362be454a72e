package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The overview speaks of the agency itself in another year (「本单位2022年度…」 in a 2023 report): last year's
 * text left in. Only the overview: section 五 rightly speaks of next year's plans.
 */
public final class BodyYearRule extends CatalogueRule {
    public static final String ID = "YR-BODY";

    // The lookahead skips a position no alternative starts at in one test (BENCHMARKS "The prose rules' alternations").
    private static final Pattern SELF_IN_YEAR = Pattern.compile(
            "(?=[本我])(?:本单位|我单位|本机关|我机关|本部门|我部门|我局|本局|我委|本委|我办|本办|我镇|本镇|我乡|本乡|我街道|本街道|我区|本区|我县|本县|我市|本市)"
                    + "(\\d{4})年");

    public BodyYearRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Integer year = ReportProse.reportYear(report);
        String overview = report.getNarrative() == null ? null : report.getNarrative().getOverview();
        if (year == null || overview == null) {
            return List.of(Findings.notAssessable(this, List.of("year", "narrative.overview"),
                    "报告年份或总体情况未读出，无法核对正文年份", "The year or the overview was not read; cannot be checked"));
        }
        List<Finding> findings = new ArrayList<>();
        for (String clause : ReportProse.clauses(overview)) {
            Matcher matcher = SELF_IN_YEAR.matcher(clause);
            while (matcher.find()) {
                int stated = Integer.parseInt(matcher.group(1));
                if (stated != year) {
                    findings.add(Findings.failed(this, List.of("narrative.overview"), Integer.toString(year),
                            Integer.toString(stated),
                            year + " 年度报告的总体情况写作「" + matcher.group() + "…」：疑为其他年度的内容",
                            "The " + year + " report's overview speaks of " + stated + " (「" + clause + "」)"));
                }
            }
        }
        return findings;
    }
}
