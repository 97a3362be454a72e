package io.nianbao.parser.sections;

import java.util.regex.Pattern;

/** The six sections of both national templates, with the words that identify each heading. */
public enum Section {
    OVERVIEW("1", '一', "总体情况|基本情况|概述", "总体情况"),
    ACTIVE("2", '二', "主动公开", "主动公开政府信息情况"),
    APPLICATIONS("3", '三', "收到和处理|依申请公开", "收到和处理政府信息公开申请情况"),
    CASES("4", '四', "行政复议|行政诉讼", "政府信息公开行政复议、行政诉讼情况"),
    PROBLEMS("5", '五', "存在的主要问题|存在问题|主要问题|改进情况", "存在的主要问题及改进情况"),
    OTHER("6", '六', "其他需要报告|其他事项", "其他需要报告的事项");

    private final String number;
    private final char numeral;
    private final Pattern numbered;
    private final String canonical;
    /** The canonical title without 「政府信息公开」, as some reports print it. */
    private final String canonicalShort;

    Section(String number, char numeral, String keywords, String canonical) {
        this.number = number;
        this.numeral = numeral;
        // 「五、政府信息公开工作存在的主要问题…」: a few words may stand between the numeral and the keyword.
        this.numbered = Pattern.compile("^" + numeral + "\\s*[、.,]\\s*.{0,16}?(?:" + keywords + ").{0,24}$");
        this.canonical = canonical;
        this.canonicalShort = canonical.replace("政府信息公开", "");
    }

    /** "1".."6", as recorded in {@code completeness.sectionsFound}. */
    public String number() {
        return number;
    }

    /**
     * A heading is a short line that starts with the section's numeral and names it, or a line that is just the
     * canonical title. Table rows such as 「二、上年结转…」 or prose items such as 「一、加强领导」 name nothing of it.
     */
    boolean isHeading(String compactLine) {
        // Every line of a report is tried against each heading; only those opening with the numeral need the pattern.
        return (compactLine.indexOf(numeral) == 0 && numbered.matcher(compactLine).matches())
                || compactLine.equals(canonical)
                || compactLine.equals(canonicalShort);
    }
}
