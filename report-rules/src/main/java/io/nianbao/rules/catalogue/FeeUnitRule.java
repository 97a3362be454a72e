package io.nianbao.rules.catalogue;

import java.math.BigDecimal;
import java.util.List;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Division;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * 行政事业性收费 is printed in 万元; an amount implausibly large for the agency's level was most likely written in
 * 元 (251000 meant as 25.1 万元). The parser already converts a cell that says 元, so what is left to catch is the
 * magnitude: more than {@value #TOWN_LIMIT_WAN} 万元 (1,000 万元) for a town or township, more than
 * {@value #COUNTY_LIMIT_WAN} 万元 (10 亿元) for a county-level agency. Agencies of a city or above have no bound
 * (national fee-collecting bodies take billions).
 */
public final class FeeUnitRule implements Rule {
    public static final String ID = "S2-UNIT";
    static final double TOWN_LIMIT_WAN = 1_000;
    static final double COUNTY_LIMIT_WAN = 100_000;
    private static final String CELL = "active.fees.amountWan";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Fees fees = report.getActive() == null ? null : report.getActive().getFees();
        if (fees == null || fees.getAmountWan() == null) {
            return List.of();
        }
        Division division = report.getDivision();
        boolean town = division.getTownCode() != null;
        boolean county = !town && division.getCountyCode() != null;
        if (!town && !county) {
            return List.of();
        }
        double limit = town ? TOWN_LIMIT_WAN : COUNTY_LIMIT_WAN;
        double amount = fees.getAmountWan();
        if (amount <= limit) {
            return List.of();
        }
        String found = BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
        String level = town ? "乡镇（街道）" : "县级";
        String levelEn = town ? "a town or township" : "a county-level agency";
        String bound = BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        return List.of(Findings.failed(this, List.of(CELL), "<= " + bound, found,
                "行政事业性收费 " + found + " 万元，对" + level + "机关而言过大：单位应为万元，是否按元填写？",
                "Fees of " + found + " 万元 are implausible for " + levelEn
                        + ": the column is in 万元; was the amount written in 元?"));
    }
}
