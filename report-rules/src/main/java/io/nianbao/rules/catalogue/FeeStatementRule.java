package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * Section 六 and fees: the 2021 template asks it to state the 信息处理费 charged; and section 二 counting
 * 行政事业性收费 while 六 says only 「无」. INFO only: 行政事业性收费 is not 信息处理费.
 */
public final class FeeStatementRule extends CatalogueRule {
    public static final String ID = "SEC6-FEE";

    public FeeStatementRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        String otherMatters = report.getNarrative() == null ? null : report.getNarrative().getOtherMatters();
        if (otherMatters == null) {
            return List.of(Findings.notAssessable(this, List.of("narrative.otherMatters"),
                    "第六部分未读出，无法核对收费说明", "Section 六 was not read; the fee statement cannot be checked"));
        }
        List<Finding> findings = new ArrayList<>();
        String text = ReportProse.compact(otherMatters);
        if ("2021".equals(report.getTemplate()) && !text.contains("信息处理费")) {
            findings.add(Findings.failed(this, List.of("narrative.otherMatters"), "信息处理费", null,
                    "第六部分未说明信息处理费的收取情况（2021 年版格式要求）",
                    "Section 六 says nothing about information-processing fees (asked by the 2021 template)"));
        }
        ActiveDisclosure active = report.getActive();
        Double fees = active == null || active.getFees() == null ? null : active.getFees().getAmountWan();
        if (fees != null && fees > 0 && text.replaceAll("\\p{P}", "").equals("无")) {
            findings.add(Findings.failed(this, List.of("active.fees.amountWan", "narrative.otherMatters"), "无",
                    fees.toString(), "第二部分行政事业性收费为 " + fees + " 万元，第六部分却只写「无」",
                    "Section 二 counts " + fees + " (10k yuan) of fees while section 六 says only 「无」"));
        }
        return findings;
    }
}
