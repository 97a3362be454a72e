package io.nianbao.rules.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Division;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * 行政事业性收费 is printed in 万元 (本年收费金额（单位：万元）). Two ways a report breaks it:
 * <ul>
 * <li>it prints 元: in the cell (「251000元」), the row label or the column heading. The parser reads such an amount
 * in 元 and says so in a {@code FEE_UNIT_YUAN} note with the cell and what it printed, which this rule reports;</li>
 * <li>it prints no unit but an amount implausibly large for the agency's level, most likely written in 元 (251000
 * meant as 25.1 万元): more than {@value #TOWN_LIMIT_WAN} 万元 (1,000 万元) for a town or township, more than
 * {@value #COUNTY_LIMIT_WAN} 万元 (10 亿元) for a county-level agency. Agencies of a city or above have no bound
 * (national fee-collecting bodies take billions).</li>
 * </ul>
 */
public final class FeeUnitRule extends CatalogueRule {
    public static final String ID = "S2-UNIT";
    static final double TOWN_LIMIT_WAN = 1_000;
    static final double COUNTY_LIMIT_WAN = 100_000;
    private static final String CELL = "active.fees.amountWan";

    public FeeUnitRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Fees fees = report.getActive() == null ? null : report.getActive().getFees();
        if (fees == null || fees.getAmountWan() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ParseNote note : report.getNotes()) {
            if (ParseNoteCode.FEE_UNIT_YUAN.marks(note)) {
                findings.add(printedInYuan(note.getCell(), note.getPrinted(), fees.getAmountWan()));
            }
        }
        implausible(report.getDivision(), fees.getAmountWan()).ifPresent(findings::add);
        return findings;
    }

    private Finding printedInYuan(String path, String printed, double amountWan) {
        String read = plain(amountWan);
        return Findings.failed(this, List.of(path), "万元", "元",
                "行政事业性收费应以万元填报，表中按元填写（" + printed + "），折合 " + read + " 万元",
                "Fees must be given in 万元; the table prints them in 元 ('" + printed + "'), which is " + read
                        + " 万元");
    }

    private Optional<Finding> implausible(Division division, double amount) {
        boolean town = division.getTownCode() != null;
        boolean county = !town && division.getCountyCode() != null;
        double limit = town ? TOWN_LIMIT_WAN : COUNTY_LIMIT_WAN;
        if (!town && !county || amount <= limit) {
            return Optional.empty();
        }
        String found = plain(amount);
        String level = town ? "乡镇（街道）" : "县级";
        String levelEn = town ? "a town or township" : "a county-level agency";
        return Optional.of(Findings.failed(this, List.of(CELL), "<= " + plain(limit), found,
                "行政事业性收费 " + found + " 万元，对" + level + "机关而言过大：单位应为万元，是否按元填写？",
                "Fees of " + found + " 万元 are implausible for " + levelEn
                        + ": the column is in 万元; was the amount written in 元?"));
    }

    private static String plain(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
