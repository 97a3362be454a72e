package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The template fits the year: 2021 columns (制发/废止/现行有效; （六） in three rows) from the 2021 reports on, the
 * 2019 template for 2020; a 2019 report was only encouraged to use the new template (国办 60号), so INFO there.
 */
public final class TemplateYearRule extends CatalogueRule {
    public static final String ID = "TPL-YEAR";

    public TemplateYearRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Integer year = ReportProse.reportYear(report);
        String template = report.getTemplate();
        if (year == null || template == null) {
            return List.of(Findings.notAssessable(this, List.of("year", "template"),
                    "报告年份或表格样式未识别，无法核对样式是否与年份相符",
                    "The report's year or template was not recognised; whether they fit cannot be checked"));
        }
        String expected = year >= 2021 ? "2021" : "2019";
        if (template.equals(expected)) {
            return List.of();
        }
        Severity severity = year <= 2019 ? Severity.INFO : Severity.ERROR;
        return List.of(Findings.failed(this, severity, List.of("template", "year"), expected, template,
                year + " 年度报告使用了 " + template + " 版表格样式，应为 " + expected + " 版",
                "The " + year + " report uses the " + template + " template; expected the " + expected + " one"));
    }
}
