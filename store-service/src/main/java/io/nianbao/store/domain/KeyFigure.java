package io.nianbao.store.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.nianbao.template.ActiveField;
import io.nianbao.template.ActiveRow;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.CaseGroup;
import io.nianbao.template.CellPath;
import io.nianbao.template.Template;

/** The figures the statistics total and the exports list, each a sum of report cells (总计 column). */
public enum KeyFigure {
    NEW_APPLICATIONS("newApplications", "本年新收政府信息公开申请数量",
            ApplicationRow.NEW_APPLICATIONS.cell(ApplicantColumn.TOTAL)),
    GRANTED("granted", "予以公开", ApplicationRow.GRANTED.cell(ApplicantColumn.TOTAL)),
    DENIED("denied", "不予公开", Template.Y2021.applicationRows().stream()
            .filter(row -> row.group().orElse(null) == ApplicationRow.Group.DENIED)
            .map(row -> row.cell(ApplicantColumn.TOTAL)).toArray(CellPath[]::new)),
    REVIEWS("reviews", "行政复议总计", CaseGroup.REVIEW.total()),
    LITIGATIONS("litigations", "行政诉讼总计", CaseGroup.LITIGATION_DIRECT.total(),
            CaseGroup.LITIGATION_AFTER_REVIEW.total()),
    PENALTIES("penalties", "行政处罚决定数量", ActiveRow.PENALTIES.cell(ActiveField.DECISIONS)),
    LICENCES("licences", "行政许可决定数量", ActiveRow.LICENSING.cell(ActiveField.DECISIONS));

    private final String key;
    private final String labelZh;
    private final List<String> cells;

    KeyFigure(String key, String labelZh, CellPath... cells) {
        this.key = key;
        this.labelZh = labelZh;
        this.cells = Stream.of(cells).map(CellPath::path).toList();
    }

    public String key() {
        return key;
    }

    public String labelZh() {
        return labelZh;
    }

    /** The paths of the cells summed. */
    public List<String> cells() {
        return cells;
    }

    /** The sum of the cells that were read; null when none was (an unread figure is no zero). */
    public Long of(Map<String, Object> report) {
        Long sum = null;
        for (String cell : cells) {
            if (DocumentPaths.value(report, cell) instanceof Number number) {
                sum = (sum == null ? 0 : sum) + number.longValue();
            }
        }
        return sum;
    }
}
