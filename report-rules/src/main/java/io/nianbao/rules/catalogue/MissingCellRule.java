package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.template.CaseCell;
import io.nianbao.template.CaseGroup;
import io.nianbao.template.CellPath;
import io.nianbao.template.Template;

/**
 * Cells of the section 三 and 四 tables that hold no number (blank, 「/」, 「—」 or unreadable; kept null). A
 * table not read at all is PARSE-INCOMPLETE's concern, not a list of missing cells.
 */
public final class MissingCellRule extends CatalogueRule {
    public static final String ID = "CELL-MISSING";

    public MissingCellRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<String> missing = new ArrayList<>();
        if (report.getApplications() != null) {
            Template.layoutOf(report).applicationRows().stream().flatMap(row -> row.cells().stream())
                    .filter(cell -> cell.valueIn(report) == null).map(CellPath::path).forEach(missing::add);
        }
        List<CaseCell> cases = Stream.of(CaseGroup.values()).flatMap(group -> group.cells().stream()).toList();
        if (cases.stream().anyMatch(cell -> cell.valueIn(report) != null)) {
            cases.stream().filter(cell -> cell.valueIn(report) == null).map(CellPath::path).forEach(missing::add);
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Findings.failed(this, missing, "0", Integer.toString(missing.size()),
                missing.size() + " 个表格单元格无数值（空白、「/」或无法识别）：" + String.join(", ", missing),
                missing.size() + " table cells hold no number (blank, \"/\" or unreadable): " + String.join(", ", missing)));
    }
}
