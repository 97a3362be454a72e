package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

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
        Applications applications = report.getApplications();
        if (applications != null) {
            for (ApplicationRow row : ApplicationRow.rowsOf(report)) {
                for (Column column : Column.values()) {
                    Cell cell = row.cell(applications, column);
                    if (cell.unread()) {
                        missing.add(cell.path());
                    }
                }
            }
        }
        boolean casesRead = Stream.of(CaseGroup.values()).anyMatch(group -> !group.total(report).unread()
                || group.parts(report).stream().anyMatch(cell -> !cell.unread()));
        if (casesRead) {
            for (CaseGroup group : CaseGroup.values()) {
                Stream.concat(group.parts(report).stream(), Stream.of(group.total(report)))
                        .filter(Cell::unread).map(Cell::path).forEach(missing::add);
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Findings.failed(this, missing, "0", Integer.toString(missing.size()),
                missing.size() + " 个表格单元格无数值（空白、「/」或无法识别）：" + String.join(", ", missing),
                missing.size() + " table cells hold no number (blank, \"/\" or unreadable): " + String.join(", ", missing)));
    }
}
