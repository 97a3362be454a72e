package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.rules.History;
import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** Per column: this year's 二、上年结转 = last year's 四、结转下年度继续办理, for the same agency. */
public final class CarryChainRule extends YearToYearRule {
    public static final String ID = "CARRY-CHAIN";

    public CarryChainRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        ParsedReport previous = history.previousYear();
        if (previous == null) {
            return List.of();
        }
        Applications now = report.getApplications();
        Applications before = previous.getApplications();
        List<Finding> findings = new ArrayList<>();
        for (Column column : Column.values()) {
            Cell carriedOver = now == null ? new Cell(ApplicationRow.CARRIED_OVER.path + "[" + column.ordinal() + "]", null)
                    : ApplicationRow.CARRIED_OVER.cell(now, column);
            Cell carriedForward = before == null
                    ? new Cell(ApplicationRow.CARRIED_FORWARD.path + "[" + column.ordinal() + "]", null)
                    : ApplicationRow.CARRIED_FORWARD.cell(before, column);
            List<String> cells = List.of(carriedOver.path(), "previousYear." + carriedForward.path());
            if (carriedOver.unread() || carriedForward.unread()) {
                findings.add(Findings.notAssessable(this, cells,
                        "「" + column.labelZh + "」列上年结转或上一年度的结转下年度未读出，无法核对",
                        "Column " + column.labelEn + ": carriedOver or last year's carriedForward was not read"));
            } else if (!carriedOver.value().equals(carriedForward.value())) {
                findings.add(Findings.failed(this, cells, carriedForward.value().toString(),
                        carriedOver.value().toString(),
                        "「" + column.labelZh + "」列上年结转为 " + carriedOver.value() + "，但 " + previous.getYear()
                                + " 年度报告结转下年度为 " + carriedForward.value(),
                        "Column " + column.labelEn + ": carriedOver is " + carriedOver.value() + " but the "
                                + previous.getYear() + " report carried forward " + carriedForward.value()));
            }
        }
        return findings;
    }
}
