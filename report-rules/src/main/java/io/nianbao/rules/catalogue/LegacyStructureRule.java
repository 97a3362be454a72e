package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Completeness;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * A report for 2020 or later in the pre-2019 structure (2008-era headings and prose tables): hardly any of the
 * template's sections and none of its tables, although the text was readable.
 */
public final class LegacyStructureRule extends CatalogueRule {
    public static final String ID = "TPL-LEGACY";

    /** The 2019 template has six sections; a current report in which fewer than three are found is not on it. */
    static final int MIN_SECTIONS = 3;

    public LegacyStructureRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Integer year = ReportProse.reportYear(report);
        Completeness completeness = report.getCompleteness();
        if (year == null || completeness.getNeedsOcr()) {
            return List.of(Findings.notAssessable(this, List.of("year", "completeness.sectionsFound"),
                    "报告年份未识别或无文字层，无法判断是否沿用旧版结构",
                    "The year is unknown or the document has no text; its structure cannot be judged"));
        }
        int sections = completeness.getSectionsFound().size();
        if (year < 2020 || sections >= MIN_SECTIONS || !completeness.getTablesFound().isEmpty()) {
            return List.of();
        }
        return List.of(Findings.failed(this, List.of("completeness.sectionsFound", "completeness.tablesFound"),
                ">= " + MIN_SECTIONS + " sections", Integer.toString(sections),
                year + " 年度报告未采用 2019 年后的年报格式（仅找到 " + sections + " 个规定部分、无规定表格），疑沿用旧版结构",
                "The " + year + " report does not follow the post-2019 template (" + sections
                        + " of its sections, none of its tables): an older structure"));
    }
}
