package io.nianbao.store.domain;

import java.util.List;
import java.util.Map;

/** The figures the statistics total and the exports list, each a sum of report cells (总计 column). */
public enum KeyFigure {
    NEW_APPLICATIONS("newApplications", "本年新收政府信息公开申请数量", "applications.newApplications[6]"),
    GRANTED("granted", "予以公开", "applications.granted[6]"),
    DENIED("denied", "不予公开", "applications.denied.stateSecret[6]", "applications.denied.lawProhibited[6]",
            "applications.denied.threeSecurityOneStability[6]", "applications.denied.thirdPartyRights[6]",
            "applications.denied.internalAffairs[6]", "applications.denied.processInformation[6]",
            "applications.denied.enforcementFiles[6]", "applications.denied.queryMatters[6]"),
    REVIEWS("reviews", "行政复议总计", "review.total"),
    LITIGATIONS("litigations", "行政诉讼总计", "litigationDirect.total", "litigationAfterReview.total"),
    PENALTIES("penalties", "行政处罚决定数量", "active.penalties.decisions"),
    LICENCES("licences", "行政许可决定数量", "active.licensing.decisions");

    private final String key;
    private final String labelZh;
    private final List<String> cells;

    KeyFigure(String key, String labelZh, String... cells) {
        this.key = key;
        this.labelZh = labelZh;
        this.cells = List.of(cells);
    }

    public String key() {
        return key;
    }

    public String labelZh() {
        return labelZh;
    }

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
