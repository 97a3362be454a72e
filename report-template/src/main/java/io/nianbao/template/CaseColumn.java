package io.nianbao.template;

import java.util.List;

/** The five columns of each section 四 group. */
public enum CaseColumn {
    UPHELD("upheld", "结果维持"),
    CORRECTED("corrected", "结果纠正"),
    OTHER("other", "其他结果"),
    PENDING("pending", "尚未审结"),
    TOTAL("total", "总计");

    /** The outcomes whose sum is {@link #TOTAL}. */
    public static final List<CaseColumn> PARTS = List.of(UPHELD, CORRECTED, OTHER, PENDING);

    private final String field;
    private final String labelZh;

    CaseColumn(String field, String labelZh) {
        this.field = field;
        this.labelZh = labelZh;
    }

    public String field() {
        return field;
    }

    public String labelZh() {
        return labelZh;
    }
}
