package io.nianbao.template;

import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;

/** A cell of section 四: a group and one of its five columns. */
public record CaseCell(CaseGroup group, CaseColumn column) implements CellPath {

    @Override
    public String path() {
        return group.path() + "." + column.field();
    }

    @Override
    public Integer valueIn(ParsedReport report) {
        CaseOutcomes outcomes = switch (group) {
            case REVIEW -> report.getReview();
            case LITIGATION_DIRECT -> report.getLitigationDirect();
            case LITIGATION_AFTER_REVIEW -> report.getLitigationAfterReview();
        };
        if (outcomes == null) {
            return null;
        }
        return switch (column) {
            case UPHELD -> outcomes.getUpheld();
            case CORRECTED -> outcomes.getCorrected();
            case OTHER -> outcomes.getOther();
            case PENDING -> outcomes.getPending();
            case TOTAL -> outcomes.getTotal();
        };
    }

    @Override
    public String toString() {
        return path();
    }
}
