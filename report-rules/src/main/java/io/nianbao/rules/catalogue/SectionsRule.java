package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nianbao.schema.Completeness;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The template's six sections are present: a missing 二/三/四 (the tables) is an ERROR, a missing 一/五/六 a
 * WARN. A table not read under a heading that is there is only a WARN: a table the report lacks and one the
 * parser lost cannot be told apart (PARSE-INCOMPLETE marks the latter for review).
 */
public final class SectionsRule extends CatalogueRule {
    public static final String ID = "TPL-SECTIONS";

    private static final List<String> SECTIONS = List.of("1", "2", "3", "4", "5", "6");
    private static final List<String> TABLE_SECTIONS = List.of("2", "3", "4");
    private static final Map<String, String> TABLES = Map.of("2", "active", "3", "applications", "4", "cases");
    private static final Map<String, String> NAMES = Map.of("1", "一、总体情况", "2", "二、主动公开政府信息情况",
            "3", "三、收到和处理政府信息公开申请情况", "4", "四、政府信息公开行政复议、行政诉讼情况",
            "5", "五、存在的主要问题及改进情况", "6", "六、其他需要报告的事项");

    public SectionsRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Completeness completeness = report.getCompleteness();
        if (completeness.getNeedsOcr()) {
            return List.of(Findings.notAssessable(this, List.of("completeness.sectionsFound"),
                    "扫描件无文字层，无法核对各部分是否齐全", "A scan without text; the sections cannot be checked"));
        }
        List<Finding> findings = new ArrayList<>();
        for (String section : SECTIONS) {
            if (!completeness.getSectionsFound().contains(section)) {
                Severity severity = TABLE_SECTIONS.contains(section) ? Severity.ERROR : Severity.WARN;
                findings.add(Findings.failed(this, severity, List.of("completeness.sectionsFound"), section, null,
                        "缺少第" + NAMES.get(section).charAt(0) + "部分「" + NAMES.get(section) + "」",
                        "Section " + section + " (" + NAMES.get(section) + ") is missing"));
            } else if (TABLES.containsKey(section) && !completeness.getTablesFound().contains(TABLES.get(section))) {
                findings.add(Findings.failed(this, Severity.WARN, List.of("completeness.tablesFound"),
                        TABLES.get(section), null,
                        "第" + NAMES.get(section).charAt(0) + "部分的表格未读出（报告缺表或无法解析）",
                        "The table of section " + section + " was not read (missing or unparseable)"));
            }
        }
        return findings;
    }
}
