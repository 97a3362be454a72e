package io.nianbao.template;

import java.util.Arrays;
import java.util.List;

/** The three groups of section 四 (行政复议、行政诉讼), each with the five outcome columns. */
public enum CaseGroup {
    REVIEW("review", "行政复议"),
    LITIGATION_DIRECT("litigationDirect", "未经复议直接起诉"),
    LITIGATION_AFTER_REVIEW("litigationAfterReview", "复议后起诉");

    private final String field;
    private final String nameZh;

    CaseGroup(String field, String nameZh) {
        this.field = field;
        this.nameZh = nameZh;
    }

    /** The canonical path of the group, e.g. {@code litigationDirect}. */
    public String path() {
        return field;
    }

    /** The group's own heading, e.g. 未经复议直接起诉 (printed under 行政诉讼). */
    public String nameZh() {
        return nameZh;
    }

    public CaseCell cell(CaseColumn column) {
        return new CaseCell(this, column);
    }

    /** 结果维持, 结果纠正, 其他结果, 尚未审结: the parts whose sum is {@link #total()}. */
    public List<CaseCell> parts() {
        return CaseColumn.PARTS.stream().map(this::cell).toList();
    }

    public CaseCell total() {
        return cell(CaseColumn.TOTAL);
    }

    /** All five cells in column order. */
    public List<CaseCell> cells() {
        return Arrays.stream(CaseColumn.values()).map(this::cell).toList();
    }
}
