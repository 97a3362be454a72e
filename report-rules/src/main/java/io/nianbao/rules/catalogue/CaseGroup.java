package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.function.Function;

import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;

/** The three groups of the section 四 table under their canonical paths. */
enum CaseGroup {
    REVIEW("review", "行政复议", ParsedReport::getReview),
    LITIGATION_DIRECT("litigationDirect", "未经复议直接起诉", ParsedReport::getLitigationDirect),
    LITIGATION_AFTER_REVIEW("litigationAfterReview", "复议后起诉", ParsedReport::getLitigationAfterReview);

    final String path;
    final String labelZh;
    private final Function<ParsedReport, CaseOutcomes> outcomes;

    CaseGroup(String path, String labelZh, Function<ParsedReport, CaseOutcomes> outcomes) {
        this.path = path;
        this.labelZh = labelZh;
        this.outcomes = outcomes;
    }

    /** 结果维持, 结果纠正, 其他结果, 尚未审结: unread when the group is missing. */
    List<Cell> parts(ParsedReport report) {
        CaseOutcomes group = outcomes.apply(report);
        return List.of(
                new Cell(path + ".upheld", group == null ? null : group.getUpheld()),
                new Cell(path + ".corrected", group == null ? null : group.getCorrected()),
                new Cell(path + ".other", group == null ? null : group.getOther()),
                new Cell(path + ".pending", group == null ? null : group.getPending()));
    }

    /** 总计: unread when the group is missing. */
    Cell total(ParsedReport report) {
        CaseOutcomes group = outcomes.apply(report);
        return new Cell(path + ".total", group == null ? null : group.getTotal());
    }
}
