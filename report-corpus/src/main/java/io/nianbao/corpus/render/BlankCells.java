package io.nianbao.corpus.render;

import java.util.List;

import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;

/**
 * The cells big-city reports leave blank (real page {@code shanghai-office-2019.html}): every 0 of sections 三 and 四
 * printed as an empty cell ({@code &nbsp;}), and the 总计 of every 办理结果 row left blank whatever it is. A blank cell
 * is no figure: the truth of such a rendering has null there, and only a null reads it right.
 */
final class BlankCells {
    private BlankCells() {
    }

    /** Whether the CMS page of {@code reportId} is one of the big-city kind (half of them, fixed by the id). */
    static boolean leftBlankIn(String reportId) {
        return (reportId.hashCode() & 1) == 1;
    }

    /** The truth as such a page prints it: a copy with the blank cells null. */
    static ParsedReport blanked(ParsedReport truth) {
        ParsedReport printed = ParsedReport.newBuilder(truth).build();
        Applications applications = printed.getApplications();
        List<ApplicationRow> resultRows = Template.layoutOf(truth).resultRows();
        for (ApplicationRow row : Template.layoutOf(truth).applicationRows()) {
            List<Integer> cells = row.valuesIn(applications);
            if (cells == null) {
                continue;
            }
            for (int c = 0; c < cells.size(); c++) {
                boolean resultTotal = resultRows.contains(row) && c == ApplicantColumn.TOTAL.ordinal();
                if (resultTotal || Integer.valueOf(0).equals(cells.get(c))) {
                    cells.set(c, null);
                }
            }
        }
        for (CaseOutcomes outcomes : List.of(printed.getReview(), printed.getLitigationDirect(),
                printed.getLitigationAfterReview())) {
            outcomes.setUpheld(blankIfZero(outcomes.getUpheld()));
            outcomes.setCorrected(blankIfZero(outcomes.getCorrected()));
            outcomes.setOther(blankIfZero(outcomes.getOther()));
            outcomes.setPending(blankIfZero(outcomes.getPending()));
            outcomes.setTotal(blankIfZero(outcomes.getTotal()));
        }
        return printed;
    }

    private static Integer blankIfZero(Integer cell) {
        return cell != null && cell == 0 ? null : cell;
    }
}
