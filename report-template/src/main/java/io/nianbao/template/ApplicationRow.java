package io.nianbao.template;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Denied;
import io.nianbao.schema.NotProcessed;
import io.nianbao.schema.OtherHandling;
import io.nianbao.schema.Unavailable;

/**
 * The data rows of section 三 (收到和处理政府信息公开申请情况) in the order the template prints them: the label printed,
 * the group it sits under, its field, how it takes part in the identities, which template has it, and the words that
 * recognise its label in a real report however it was split or garbled.
 */
public enum ApplicationRow {
    NEW_APPLICATIONS(null, "newApplications", "一、本年新收政府信息公开申请数量", "本年新收", Kind.BALANCE, "本年新收"),
    CARRIED_OVER(null, "carriedOver", "二、上年结转政府信息公开申请数量", "上年结转", Kind.BALANCE, "上年结转"),
    GRANTED(null, "granted", "（一）予以公开", "予以公开", Kind.RESULT, "予以公开"),
    PARTIALLY_GRANTED(null, "partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开",
            Kind.RESULT, "部分公开|区分处理|只计这一情形"),
    STATE_SECRET(Group.DENIED, "stateSecret", "1.属于国家秘密", "属于国家秘密", Kind.RESULT, "国家秘密"),
    LAW_PROHIBITED(Group.DENIED, "lawProhibited", "2.其他法律行政法规禁止公开", "其他法律行政法规禁止公开", Kind.RESULT,
            "法律行政法规|禁止公开|其他法律行政"),
    THREE_SECURITY(Group.DENIED, "threeSecurityOneStability", "3.危及“三安全一稳定”", "危及“三安全一稳定”",
            Kind.RESULT, "三安全|一稳定"),
    THIRD_PARTY(Group.DENIED, "thirdPartyRights", "4.保护第三方合法权益", "保护第三方合法权益", Kind.RESULT, "第三方"),
    INTERNAL_AFFAIRS(Group.DENIED, "internalAffairs", "5.属于三类内部事务信息", "属于三类内部事务信息", Kind.RESULT,
            "内部事务"),
    PROCESS_INFORMATION(Group.DENIED, "processInformation", "6.属于四类过程性信息", "属于四类过程性信息", Kind.RESULT,
            "过程性"),
    ENFORCEMENT_FILES(Group.DENIED, "enforcementFiles", "7.属于行政执法案卷", "属于行政执法案卷", Kind.RESULT,
            "执法案卷|行政执法"),
    QUERY_MATTERS(Group.DENIED, "queryMatters", "8.属于行政查询事项", "属于行政查询事项", Kind.RESULT, "查询事项"),
    NOT_HELD(Group.UNAVAILABLE, "notHeld", "1.本机关不掌握相关政府信息", "本机关不掌握相关政府信息", Kind.RESULT, "不掌握"),
    NEEDS_CREATION(Group.UNAVAILABLE, "needsCreation", "2.没有现成信息需要另行制作", "没有现成信息需要另行制作",
            Kind.RESULT, "另行制作|没有现成"),
    STILL_UNCLEAR(Group.UNAVAILABLE, "stillUnclear", "3.补正后申请内容仍不明确", "补正后申请内容仍不明确", Kind.RESULT,
            "仍不明确|补正后申请"),
    COMPLAINT(Group.NOT_PROCESSED, "complaint", "1.信访举报投诉类申请", "信访举报投诉类申请", Kind.RESULT, "信访|举报|投诉"),
    DUPLICATE(Group.NOT_PROCESSED, "duplicate", "2.重复申请", "重复申请", Kind.RESULT, "重复申请"),
    PUBLICATION(Group.NOT_PROCESSED, "publication", "3.要求提供公开出版物", "要求提供公开出版物", Kind.RESULT, "出版物"),
    EXCESSIVE(Group.NOT_PROCESSED, "excessive", "4.无正当理由大量反复申请", "无正当理由大量反复申请", Kind.RESULT,
            "大量反复"),
    CONFIRMATION(Group.NOT_PROCESSED, "confirmation", "5.要求行政机关确认或重新出具已获取信息",
            "要求行政机关确认或重新出具已获取信息", Kind.RESULT, "确认或重新出|重新出具"),
    NO_CORRECTION(Group.OTHER_HANDLING, "noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "逾期不补正", Kind.RESULT, Template.Y2021, "不补正"),
    NO_FEE(Group.OTHER_HANDLING, "noFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "逾期未缴纳费用", Kind.RESULT, Template.Y2021, "收费通知|缴纳费用"),
    OTHER(Group.OTHER_HANDLING, "other", "3.其他", "其他", Kind.RESULT, Template.Y2021, "(?:^|[^0-9])3[.、]?其他$"),
    /** 2019 template: （六）其他处理 is one row without items; its field is otherHandling.total. */
    OTHER_TOTAL(Group.OTHER_HANDLING, "total", "（六）其他处理", "其他处理", Kind.RESULT, Template.Y2019, "其他处理"),
    /**
     * （七） is 总计 in both templates: also as OCR reads them, 七 as 「+」 or 「十」 and 总计 as Latin debris
     * (「(七)Sit」「(+)总计」「(+)Bit」).
     */
    TOTAL_PROCESSED(null, "totalProcessed", "（七）总计", "办理结果总计", Kind.TOTAL,
            "\\([七+十]\\)(?:总计|\\P{IsHan}*$)|七[、.]总计|^总计$|^合计$"),
    CARRIED_FORWARD(null, "carriedForward", "四、结转下年度继续办理", "结转下年度继续办理", Kind.BALANCE,
            "结转下年度|下年度继续办理");

    /** How a row takes part in the template's identities. */
    public enum Kind {
        /** 一、二 and 四: the terms of 新收 + 结转 = 总计 + 结转下年度 beside （七）总计. */
        BALANCE,
        /** An 办理结果 row: summed into （七）总计. */
        RESULT,
        /** （七）总计. */
        TOTAL
    }

    /** The groups of 三、本年度办理结果 whose items are rows of their own. */
    public enum Group {
        DENIED("denied", "（三）不予公开", "不予公开"),
        UNAVAILABLE("unavailable", "（四）无法提供", "无法提供"),
        NOT_PROCESSED("notProcessed", "（五）不予处理", "不予处理"),
        OTHER_HANDLING("otherHandling", "（六）其他处理", "其他处理");

        private final String field;
        private final String label;
        private final String nameZh;

        Group(String field, String label, String nameZh) {
            this.field = field;
            this.label = label;
            this.nameZh = nameZh;
        }

        /** As the template prints it, e.g. （三）不予公开. */
        public String label() {
            return label;
        }
    }

    /** The number of cells of every row. */
    public static final int COLUMNS = ApplicantColumn.values().length;

    /** The 2021 template's three （六）其他处理 items; 2019 prints {@link #OTHER_TOTAL} instead. */
    public static final List<ApplicationRow> OTHER_HANDLING_ITEMS = List.of(NO_CORRECTION, NO_FEE, OTHER);

    /**
     * The order in which a label is tried against the rows: a line often carries its group label too (「(三)不予公开
     * 1.属于国家秘密」), so item rows are tried before the group rows they belong to, and 予以公开 after 不予公开's items.
     */
    private static final List<ApplicationRow> RECOGNITION_ORDER = List.of(NEW_APPLICATIONS, CARRIED_OVER,
            CARRIED_FORWARD, STATE_SECRET, LAW_PROHIBITED, THREE_SECURITY, THIRD_PARTY, INTERNAL_AFFAIRS,
            PROCESS_INFORMATION, ENFORCEMENT_FILES, QUERY_MATTERS, NOT_HELD, NEEDS_CREATION, STILL_UNCLEAR, COMPLAINT,
            DUPLICATE, PUBLICATION, EXCESSIVE, CONFIRMATION, NO_CORRECTION, NO_FEE, OTHER, OTHER_TOTAL, GRANTED,
            PARTIALLY_GRANTED, TOTAL_PROCESSED);

    private final Group group;
    private final String field;
    private final String label;
    private final String nameZh;
    private final Kind kind;
    private final Set<Template> templates;
    private final String key;
    private final String path;
    /** Whether a compact label (whitespace removed) names this row, found anywhere in it. */
    private final Predicate<String> recognises;

    ApplicationRow(Group group, String field, String label, String nameZh, Kind kind, String variants) {
        this(group, field, label, nameZh, kind, EnumSet.allOf(Template.class), variants);
    }

    ApplicationRow(Group group, String field, String label, String nameZh, Kind kind, Template only,
            String variants) {
        this(group, field, label, nameZh, kind, EnumSet.of(only), variants);
    }

    ApplicationRow(Group group, String field, String label, String nameZh, Kind kind, Set<Template> templates,
            String variants) {
        this.group = group;
        this.field = field;
        this.label = label;
        this.nameZh = group == null ? nameZh : group.nameZh + (field.equals("total") ? "" : "·" + nameZh);
        this.kind = kind;
        this.templates = Set.copyOf(templates);
        this.key = (group == null ? "" : group.field + ".") + field;
        this.path = "applications." + key;
        this.recognises = isWordList(variants) ? words(List.of(variants.split("\\|")))
                : Pattern.compile(variants).asPredicate();
    }

    /** Nothing but words between {@code |}: {@code contains} finds them as the regex would, with no matcher. */
    private static boolean isWordList(String variants) {
        return variants.chars().noneMatch(c -> "\\()[]{}.*+?^$".indexOf(c) >= 0);
    }

    private static Predicate<String> words(List<String> words) {
        String[] each = words.toArray(String[]::new);
        return text -> {
            for (String word : each) {
                if (text.contains(word)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The row a label printed in a report names; {@code compactLabel} has its whitespace removed. Loops, not streams:
     * the parser asks this of every line of section 三.
     */
    public static Optional<ApplicationRow> recognise(String compactLabel) {
        for (ApplicationRow row : RECOGNITION_ORDER) {
            if (row.recognises.test(compactLabel)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The row's own label as the template prints it, e.g. 1.属于国家秘密 under （三）不予公开. */
    public String label() {
        return label;
    }

    /** The group label the row is printed under, e.g. （三）不予公开; empty for a row of its own. */
    public Optional<Group> group() {
        return Optional.ofNullable(group);
    }

    /**
     * The group label printed beside the row, e.g. （三）不予公开; null for a row printed on its own, as 2019's one
     * （六）其他处理 row is.
     */
    public String printedUnder() {
        return group == null || this == OTHER_TOTAL ? null : group.label;
    }

    /** A short name for messages, e.g. 不予公开·属于国家秘密. */
    public String nameZh() {
        return nameZh;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether {@code template} prints this row. */
    public boolean in(Template template) {
        return templates.contains(template);
    }

    /** The row's key within section 三, e.g. {@code denied.stateSecret}. */
    public String key() {
        return key;
    }

    /** The canonical path of the row's array, e.g. {@code applications.denied.stateSecret}. */
    public String path() {
        return path;
    }

    /** The cell of this row in {@code column}. */
    public ApplicationCell cell(ApplicantColumn column) {
        return new ApplicationCell(this, column);
    }

    /** The row's seven cells in column order. */
    public List<ApplicationCell> cells() {
        return Arrays.stream(ApplicantColumn.values()).map(this::cell).toList();
    }

    /** The row's array in a section 三 record; null when the row (or its group) is absent. */
    public List<Integer> valuesIn(Applications applications) {
        if (applications == null) {
            return null;
        }
        return switch (this) {
            case NEW_APPLICATIONS -> applications.getNewApplications();
            case CARRIED_OVER -> applications.getCarriedOver();
            case GRANTED -> applications.getGranted();
            case PARTIALLY_GRANTED -> applications.getPartiallyGranted();
            case TOTAL_PROCESSED -> applications.getTotalProcessed();
            case CARRIED_FORWARD -> applications.getCarriedForward();
            default -> grouped(applications);
        };
    }

    private List<Integer> grouped(Applications applications) {
        Denied denied = applications.getDenied();
        Unavailable unavailable = applications.getUnavailable();
        NotProcessed notProcessed = applications.getNotProcessed();
        OtherHandling other = applications.getOtherHandling();
        return switch (this) {
            case STATE_SECRET -> denied == null ? null : denied.getStateSecret();
            case LAW_PROHIBITED -> denied == null ? null : denied.getLawProhibited();
            case THREE_SECURITY -> denied == null ? null : denied.getThreeSecurityOneStability();
            case THIRD_PARTY -> denied == null ? null : denied.getThirdPartyRights();
            case INTERNAL_AFFAIRS -> denied == null ? null : denied.getInternalAffairs();
            case PROCESS_INFORMATION -> denied == null ? null : denied.getProcessInformation();
            case ENFORCEMENT_FILES -> denied == null ? null : denied.getEnforcementFiles();
            case QUERY_MATTERS -> denied == null ? null : denied.getQueryMatters();
            case NOT_HELD -> unavailable == null ? null : unavailable.getNotHeld();
            case NEEDS_CREATION -> unavailable == null ? null : unavailable.getNeedsCreation();
            case STILL_UNCLEAR -> unavailable == null ? null : unavailable.getStillUnclear();
            case COMPLAINT -> notProcessed == null ? null : notProcessed.getComplaint();
            case DUPLICATE -> notProcessed == null ? null : notProcessed.getDuplicate();
            case PUBLICATION -> notProcessed == null ? null : notProcessed.getPublication();
            case EXCESSIVE -> notProcessed == null ? null : notProcessed.getExcessive();
            case CONFIRMATION -> notProcessed == null ? null : notProcessed.getConfirmation();
            case NO_CORRECTION -> other == null ? null : other.getNoCorrection();
            case NO_FEE -> other == null ? null : other.getNoFee();
            case OTHER -> other == null ? null : other.getOther();
            case OTHER_TOTAL -> other == null ? null : other.getTotal();
            default -> throw new IllegalStateException(this + " is no grouped row");
        };
    }

    /** The section 三 record with every row as {@code rows} gives it (null for a row it gives none). */
    public static Applications record(Function<ApplicationRow, List<Integer>> rows) {
        Applications.Builder table = Applications.newBuilder();
        Denied.Builder denied = Denied.newBuilder();
        Unavailable.Builder unavailable = Unavailable.newBuilder();
        NotProcessed.Builder notProcessed = NotProcessed.newBuilder();
        OtherHandling.Builder other = OtherHandling.newBuilder();
        for (ApplicationRow row : values()) {
            List<Integer> cells = rows.apply(row);
            switch (row) {
                case NEW_APPLICATIONS -> table.setNewApplications(cells);
                case CARRIED_OVER -> table.setCarriedOver(cells);
                case GRANTED -> table.setGranted(cells);
                case PARTIALLY_GRANTED -> table.setPartiallyGranted(cells);
                case STATE_SECRET -> denied.setStateSecret(cells);
                case LAW_PROHIBITED -> denied.setLawProhibited(cells);
                case THREE_SECURITY -> denied.setThreeSecurityOneStability(cells);
                case THIRD_PARTY -> denied.setThirdPartyRights(cells);
                case INTERNAL_AFFAIRS -> denied.setInternalAffairs(cells);
                case PROCESS_INFORMATION -> denied.setProcessInformation(cells);
                case ENFORCEMENT_FILES -> denied.setEnforcementFiles(cells);
                case QUERY_MATTERS -> denied.setQueryMatters(cells);
                case NOT_HELD -> unavailable.setNotHeld(cells);
                case NEEDS_CREATION -> unavailable.setNeedsCreation(cells);
                case STILL_UNCLEAR -> unavailable.setStillUnclear(cells);
                case COMPLAINT -> notProcessed.setComplaint(cells);
                case DUPLICATE -> notProcessed.setDuplicate(cells);
                case PUBLICATION -> notProcessed.setPublication(cells);
                case EXCESSIVE -> notProcessed.setExcessive(cells);
                case CONFIRMATION -> notProcessed.setConfirmation(cells);
                case NO_CORRECTION -> other.setNoCorrection(cells);
                case NO_FEE -> other.setNoFee(cells);
                case OTHER -> other.setOther(cells);
                case OTHER_TOTAL -> other.setTotal(cells);
                case TOTAL_PROCESSED -> table.setTotalProcessed(cells);
                case CARRIED_FORWARD -> table.setCarriedForward(cells);
            }
        }
        return table.setDenied(denied.build()).setUnavailable(unavailable.build())
                .setNotProcessed(notProcessed.build()).setOtherHandling(other.build()).build();
    }
}
