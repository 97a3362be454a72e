package io.nianbao.parser.tables;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rows of section 三 with the words that identify each label however it was split or garbled. Order matters:
 * a line often carries its group label too (「(三)不予公开 1.属于国家秘密」), so item rows are tried before the group
 * rows they belong to.
 */
public enum ApplicationRow {
    NEW_APPLICATIONS("newApplications", Kind.BALANCE, "本年新收"),
    CARRIED_OVER("carriedOver", Kind.BALANCE, "上年结转"),
    CARRIED_FORWARD("carriedForward", Kind.BALANCE, "结转下年度|下年度继续办理"),
    STATE_SECRET("denied.stateSecret", Kind.RESULT, "国家秘密"),
    LAW_PROHIBITED("denied.lawProhibited", Kind.RESULT, "法律行政法规|禁止公开|其他法律行政"),
    THREE_SECURITY("denied.threeSecurityOneStability", Kind.RESULT, "三安全|一稳定"),
    THIRD_PARTY("denied.thirdPartyRights", Kind.RESULT, "第三方"),
    INTERNAL_AFFAIRS("denied.internalAffairs", Kind.RESULT, "内部事务"),
    PROCESS_INFORMATION("denied.processInformation", Kind.RESULT, "过程性"),
    ENFORCEMENT_FILES("denied.enforcementFiles", Kind.RESULT, "执法案卷|行政执法"),
    QUERY_MATTERS("denied.queryMatters", Kind.RESULT, "查询事项"),
    NOT_HELD("unavailable.notHeld", Kind.RESULT, "不掌握"),
    NEEDS_CREATION("unavailable.needsCreation", Kind.RESULT, "另行制作|没有现成"),
    STILL_UNCLEAR("unavailable.stillUnclear", Kind.RESULT, "仍不明确|补正后申请"),
    COMPLAINT("notProcessed.complaint", Kind.RESULT, "信访|举报|投诉"),
    DUPLICATE("notProcessed.duplicate", Kind.RESULT, "重复申请"),
    PUBLICATION("notProcessed.publication", Kind.RESULT, "出版物"),
    EXCESSIVE("notProcessed.excessive", Kind.RESULT, "大量反复"),
    CONFIRMATION("notProcessed.confirmation", Kind.RESULT, "确认或重新出|重新出具"),
    NO_CORRECTION("otherHandling.noCorrection", Kind.RESULT, "不补正"),
    NO_FEE("otherHandling.noFee", Kind.RESULT, "收费通知|缴纳费用"),
    OTHER("otherHandling.other", Kind.RESULT, "(?:^|[^0-9])3[.、]?其他$"),
    /** 2019 template: （六）其他处理 is one row without items. */
    OTHER_TOTAL("otherHandling.total", Kind.RESULT, "其他处理"),
    GRANTED("granted", Kind.RESULT, "予以公开"),
    PARTIALLY_GRANTED("partiallyGranted", Kind.RESULT, "部分公开|区分处理|只计这一情形"),
    /**
     * （七） is 总计 in both templates: also as OCR reads them, 七 as 「+」 or 「十」 and 总计 as Latin debris
     * (「(七)Sit」「(+)总计」「(+)Bit」).
     */
    TOTAL_PROCESSED("totalProcessed", Kind.TOTAL, "\\([七+十]\\)(?:总计|\\P{IsHan}*$)|七[、.]总计|^总计$|^合计$");

    /** How a row takes part in the template's identities. */
    public enum Kind { BALANCE, RESULT, TOTAL }

    public static final int COLUMNS = 7;
    public static final int TOTAL_COLUMN = 6;

    /** The 2021 template's three （六） rows; 2019 has {@link #OTHER_TOTAL} instead. */
    public static final List<ApplicationRow> OTHER_HANDLING_2021 = List.of(NO_CORRECTION, NO_FEE, OTHER);

    private final String path;
    private final Kind kind;
    /** Whether a compact label names this row (found anywhere in it). */
    private final Predicate<String> label;

    ApplicationRow(String path, Kind kind, String label) {
        this.path = path;
        this.kind = kind;
        this.label = isWordList(label) ? words(List.of(label.split("\\|"))) : Pattern.compile(label).asPredicate();
    }

    /** Nothing but words between {@code |}: {@code contains} finds them as the regex would, with no matcher. */
    private static boolean isWordList(String label) {
        return label.chars().noneMatch(c -> "\\()[]{}.*+?^$".indexOf(c) >= 0);
    }

    private static Predicate<String> words(List<String> words) {
        return text -> words.stream().anyMatch(text::contains);
    }

    /** The field path under {@code applications}, e.g. {@code denied.stateSecret}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    static Optional<ApplicationRow> matching(String compactLabel) {
        return Arrays.stream(values()).filter(row -> row.label.test(compactLabel)).findFirst();
    }

    /** The rows of a template: 2021 has the three （六） items, 2019 the single （六） row. */
    public static List<ApplicationRow> of(String template) {
        return Arrays.stream(values())
                .filter(row -> "2019".equals(template) ? !OTHER_HANDLING_2021.contains(row) : row != OTHER_TOTAL)
                .toList();
    }
}
