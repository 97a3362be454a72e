package io.nianbao.template;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rows of section 二 (主动公开政府信息情况); which template prints which, with which columns, is {@link Table}'s. */
public enum ActiveRow {
    REGULATIONS("regulations", "规章", "规章(?!制度)"),
    NORMATIVE_DOCUMENTS("normativeDocuments", "行政规范性文件", "规范性文件"),
    LICENSING("licensing", "行政许可", "行政许可"),
    OTHER_SERVICES("otherServices", "其他对外管理服务事项", "其他对外管理服务"),
    PENALTIES("penalties", "行政处罚", "行政处罚"),
    ENFORCEMENT("enforcement", "行政强制", "行政强制"),
    FEES("fees", "行政事业性收费", "事业性收费"),
    PROCUREMENT("procurement", "政府集中采购", "集中采购");

    /** Tried in this order: the more specific names first. */
    private static final List<ActiveRow> RECOGNITION_ORDER = List.of(OTHER_SERVICES, NORMATIVE_DOCUMENTS, REGULATIONS,
            LICENSING, PENALTIES, ENFORCEMENT, FEES, PROCUREMENT);

    private final String field;
    private final String label;
    private final Pattern named;

    /** @param named what names the row in a label or in prose, in the variants reports print (规范性文件 in 2019) */
    ActiveRow(String field, String label, String named) {
        this.field = field;
        this.label = label;
        this.named = Pattern.compile(named);
    }

    /** The row a printed label names; empty when it names none. */
    public static Optional<ActiveRow> recognise(String label) {
        for (ActiveRow row : RECOGNITION_ORDER) {
            if (row.named.matcher(label).find()) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** What names the row in a label or a sentence (「规章」 but not 「规章制度」). */
    public Pattern named() {
        return named;
    }

    /** The canonical path of the row, e.g. {@code active.fees}. */
    public String path() {
        return "active." + field;
    }

    /** The row's field in {@code active}, e.g. {@code normativeDocuments}. */
    public String field() {
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
