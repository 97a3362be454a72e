package io.nianbao.template;

/** The rows of section 二 (主动公开政府信息情况); which template prints which, with which columns, is {@link Table}'s. */
public enum ActiveRow {
    REGULATIONS("regulations", "规章"),
    NORMATIVE_DOCUMENTS("normativeDocuments", "行政规范性文件"),
    LICENSING("licensing", "行政许可"),
    OTHER_SERVICES("otherServices", "其他对外管理服务事项"),
    PENALTIES("penalties", "行政处罚"),
    ENFORCEMENT("enforcement", "行政强制"),
    FEES("fees", "行政事业性收费"),
    PROCUREMENT("procurement", "政府集中采购");

    private final String field;
    private final String label;

    ActiveRow(String field, String label) {
        this.field = field;
        this.label = label;
    }

    /** The canonical path of the row, e.g. {@code active.fees}. */
    public String path() {
        return "active." + field;
    }

    String field() {
        return field;
    }

    /** As the 2021 template prints it (2019 prints 规范性文件 for {@link #NORMATIVE_DOCUMENTS}). */
    public String label() {
        return label;
    }

    public ActiveCell cell(ActiveField column) {
        return new ActiveCell(this, column);
    }
}
