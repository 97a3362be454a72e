package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationCell;
import io.nianbao.template.ApplicationRow;

/** Per column: this year's 二、上年结转 = last year's 四、结转下年度继续办理, for the same agency. */
public final class CarryChainRule extends YearToYearRule {
    public static final String ID = "CARRY-CHAIN";

    public CarryChainRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.PREVIOUS_YEAR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        ParsedReport previous = history.previousYear();
        if (previous == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            ApplicationCell carriedOverCell = ApplicationRow.CARRIED_OVER.cell(column);
            ApplicationCell carriedForwardCell = ApplicationRow.CARRIED_FORWARD.cell(column);
            Integer carriedOver = carriedOverCell.valueIn(report);
            Integer carriedForward = carriedForwardCell.valueIn(previous);
            List<String> cells = List.of(carriedOverCell.path(), "previousYear." + carriedForwardCell.path());
            if (carriedOver == null || carriedForward == null) {
                findings.add(Findings.notAssessable(this, cells,
                        "「" + column.labelZh() + "」列上年结转或上一年度的结转下年度未读出，无法核对",
                        "Column " + column.labelEn() + ": carriedOver or last year's carriedForward was not read"));
            } else if (!carriedOver.equals(carriedForward)) {
                findings.add(Findings.failed(this, cells, carriedForward.toString(), carriedOver.toString(),
                        "「" + column.labelZh() + "」列上年结转为 " + carriedOver + "，但 " + previous.getYear()
                                + " 年度报告结转下年度为 " + carriedForward,
                        "Column " + column.labelEn() + ": carriedOver is " + carriedOver + " but the "
                                + previous.getYear() + " report carried forward " + carriedForward));
            }
        }
        return findings;
    }
}
