package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.Set;

import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** 一、本年新收 总计 changed more than 5× or fell below 0.2× of last year's: plausible, but worth a look. */
public final class YearOnYearJumpRule extends YearToYearRule {
    public static final String ID = "YOY-JUMP";

    static final double FACTOR = 5.0;

    public YearOnYearJumpRule() {
        super(ID, Severity.INFO);
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
        Integer now = ReportProse.newApplicationsTotal(report);
        Integer before = ReportProse.newApplicationsTotal(previous);
        // From 0 any count is an infinite jump; and a handful of applications either way says nothing.
        if (now == null || before == null || before == 0 || Math.max(now, before) < FACTOR) {
            return List.of();
        }
        double ratio = (double) now / before;
        if (ratio <= FACTOR && ratio >= 1 / FACTOR) {
            return List.of();
        }
        return List.of(Findings.failed(this,
                List.of("applications.newApplications[6]", "previousYear.applications.newApplications[6]"),
                before.toString(), now.toString(),
                "本年新收申请 " + now + " 件，上年 " + before + " 件，变化超过 5 倍",
                "New applications went from " + before + " to " + now + ", more than a 5-fold change"));
    }
}
