package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.nianbao.rules.CountyFigures;
import io.nianbao.rules.History;
import io.nianbao.schema.Division;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.CaseGroup;
import io.nianbao.template.CellPath;

/**
 * A county's 本级政府 report counts fewer applications (一、本年新收 总计) or fewer 行政复议 / 行政诉讼 cases (section
 * 四's three 总计) than the same year's reports of its departments and towns together: the county figure should take
 * them in. The parts come from the history ({@link History#parts()}): reports of the same year resolved to the same
 * county (a town's code starts with its county's), each as its {@link #figuresOf figures}. A part whose figure was not read adds nothing, so the sum is a
 * floor and a finding is never caused by an unread cell; the county's own figure unread makes the check not
 * assessable. INFO: a county may report only its government's own work, and the history never holds every part.
 */
public final class HierarchySumRule extends CatalogueRule {
    public static final String ID = "HIER-SUM";
    /** The government itself (or its office, which writes the 本级 report), not one of its departments. */
    private static final Pattern GOVERNMENT = Pattern.compile("[县区市旗]人民政府(办公室)?$");

    private record Measure(CellPath cell, String labelZh, String labelEn) {
        String path() {
            return cell.path();
        }

        Integer value(ParsedReport report) {
            Number value = cell.valueIn(report);
            return value == null ? null : value.intValue();
        }
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure(ApplicationRow.NEW_APPLICATIONS.cell(ApplicantColumn.TOTAL), "本年新收政府信息公开申请",
                    "new applications"),
            new Measure(CaseGroup.REVIEW.total(), "行政复议", "administrative reviews"),
            new Measure(CaseGroup.LITIGATION_DIRECT.total(), "未经复议直接起诉的行政诉讼", "lawsuits filed directly"),
            new Measure(CaseGroup.LITIGATION_AFTER_REVIEW.total(), "复议后起诉的行政诉讼", "lawsuits filed after review"));

    /**
     * The version of what {@link #figuresOf} derives: raised when the measures or {@link #isCountyGovernment}
     * change, so that figures a history kept under another version are derived again from their reports
     * ({@code HierarchySumRuleTests} holds the figures of this version and fails when they change without it).
     */
    public static final int FIGURES_VERSION = 1;

    /** The report as HIER-SUM adds it up: whether it is a county government's, and its totals in the rule's order. */
    public static CountyFigures figuresOf(ParsedReport report) {
        return new CountyFigures(report.getReportId(), isCountyGovernment(report),
                MEASURES.stream().map(measure -> measure.value(report)).toList());
    }

    /** A report of a county's government itself: resolved to a county, not to a town, and named 人民政府. */
    public static boolean isCountyGovernment(ParsedReport report) {
        Division division = report.getDivision();
        return division != null && division.getCountyCode() != null && division.getTownCode() == null
                && report.getAgency() != null && GOVERNMENT.matcher(report.getAgency().strip()).find();
    }

    public HierarchySumRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.PARTS);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        return evaluate(report, History.none());
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        if (!isCountyGovernment(report) || history.parts().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < MEASURES.size(); index++) {
            Measure measure = MEASURES.get(index);
            Integer own = measure.value(report);
            if (own == null) {
                findings.add(Findings.notAssessable(this, List.of(measure.path()),
                        measure.labelZh() + "总计未读出，无法与下属部门、乡镇合计比较",
                        "The " + measure.labelEn() + " total was not read: it cannot be compared with its parts'"));
                continue;
            }
            int total = index;
            int parts = history.parts().stream().map(part -> part.totals().get(total)).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).sum();
            if (own < parts) {
                int count = history.parts().size();
                findings.add(Findings.failed(this, List.of(measure.path()), ">= " + parts, String.valueOf(own),
                        "本级政府报告" + measure.labelZh() + "总计 " + own + " 少于本县 " + count + " 份部门、乡镇报告之和 "
                                + parts,
                        "The county's " + measure.labelEn() + " total " + own + " is below the sum of " + parts
                                + " in " + count + " reports of its departments and towns"));
            }
        }
        return findings;
    }
}
