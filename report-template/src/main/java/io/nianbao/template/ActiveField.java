package io.nianbao.template;

/** The values a section 二 row holds, by their canonical field names. */
public enum ActiveField {
    ISSUED("issued"),
    REPEALED("repealed"),
    IN_FORCE("inForce"),
    NEWLY_MADE("newlyMade"),
    NEWLY_PUBLISHED("newlyPublished"),
    TOTAL_PUBLISHED("totalPublished"),
    DECISIONS("decisions"),
    LAST_YEAR_ITEMS("lastYearItems"),
    CHANGE("change"),
    AMOUNT_WAN("amountWan"),
    PROJECTS("projects"),
    AMOUNT_TEXT("amountText");

    private final String field;

    ActiveField(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
