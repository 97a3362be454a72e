package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.nianbao.schema.Applications;
import io.nianbao.schema.ParsedReport;

/** The rows of the section 三 table under their canonical paths, and which template has which. */
enum ApplicationRow {
    NEW_APPLICATIONS("newApplications", "本年新收", Kind.FLOW, Applications::getNewApplications),
    CARRIED_OVER("carriedOver", "上年结转", Kind.FLOW, Applications::getCarriedOver),
    GRANTED("granted", "予以公开", Kind.RESULT, Applications::getGranted),
    PARTIALLY_GRANTED("partiallyGranted", "部分公开", Kind.RESULT, Applications::getPartiallyGranted),
    DENIED_STATE_SECRET("denied.stateSecret", "不予公开·属于国家秘密", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getStateSecret()),
    DENIED_LAW_PROHIBITED("denied.lawProhibited", "不予公开·其他法律行政法规禁止公开", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getLawProhibited()),
    DENIED_THREE_SECURITY("denied.threeSecurityOneStability", "不予公开·危及“三安全一稳定”", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getThreeSecurityOneStability()),
    DENIED_THIRD_PARTY("denied.thirdPartyRights", "不予公开·保护第三方合法权益", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getThirdPartyRights()),
    DENIED_INTERNAL("denied.internalAffairs", "不予公开·属于三类内部事务信息", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getInternalAffairs()),
    DENIED_PROCESS("denied.processInformation", "不予公开·属于四类过程性信息", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getProcessInformation()),
    DENIED_ENFORCEMENT("denied.enforcementFiles", "不予公开·属于行政执法案卷", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getEnforcementFiles()),
    DENIED_QUERY("denied.queryMatters", "不予公开·属于行政查询事项", Kind.RESULT,
            a -> a.getDenied() == null ? null : a.getDenied().getQueryMatters()),
    UNAVAILABLE_NOT_HELD("unavailable.notHeld", "无法提供·本机关不掌握相关政府信息", Kind.RESULT,
            a -> a.getUnavailable() == null ? null : a.getUnavailable().getNotHeld()),
    UNAVAILABLE_NEEDS_CREATION("unavailable.needsCreation", "无法提供·没有现成信息需要另行制作", Kind.RESULT,
            a -> a.getUnavailable() == null ? null : a.getUnavailable().getNeedsCreation()),
    UNAVAILABLE_STILL_UNCLEAR("unavailable.stillUnclear", "无法提供·补正后申请内容仍不明确", Kind.RESULT,
            a -> a.getUnavailable() == null ? null : a.getUnavailable().getStillUnclear()),
    NOT_PROCESSED_COMPLAINT("notProcessed.complaint", "不予处理·信访举报投诉类申请", Kind.RESULT,
            a -> a.getNotProcessed() == null ? null : a.getNotProcessed().getComplaint()),
    NOT_PROCESSED_DUPLICATE("notProcessed.duplicate", "不予处理·重复申请", Kind.RESULT,
            a -> a.getNotProcessed() == null ? null : a.getNotProcessed().getDuplicate()),
    NOT_PROCESSED_PUBLICATION("notProcessed.publication", "不予处理·要求提供公开出版物", Kind.RESULT,
            a -> a.getNotProcessed() == null ? null : a.getNotProcessed().getPublication()),
    NOT_PROCESSED_EXCESSIVE("notProcessed.excessive", "不予处理·无正当理由大量反复申请", Kind.RESULT,
            a -> a.getNotProcessed() == null ? null : a.getNotProcessed().getExcessive()),
    NOT_PROCESSED_CONFIRMATION("notProcessed.confirmation", "不予处理·要求行政机关确认或重新出具已获取信息", Kind.RESULT,
            a -> a.getNotProcessed() == null ? null : a.getNotProcessed().getConfirmation()),
    OTHER_HANDLING_NO_CORRECTION("otherHandling.noCorrection", "其他处理·逾期不补正", Kind.RESULT_2021,
            a -> a.getOtherHandling() == null ? null : a.getOtherHandling().getNoCorrection()),
    OTHER_HANDLING_NO_FEE("otherHandling.noFee", "其他处理·逾期未缴纳费用", Kind.RESULT_2021,
            a -> a.getOtherHandling() == null ? null : a.getOtherHandling().getNoFee()),
    OTHER_HANDLING_OTHER("otherHandling.other", "其他处理·其他", Kind.RESULT_2021,
            a -> a.getOtherHandling() == null ? null : a.getOtherHandling().getOther()),
    OTHER_HANDLING_TOTAL("otherHandling.total", "其他处理", Kind.RESULT_2019,
            a -> a.getOtherHandling() == null ? null : a.getOtherHandling().getTotal()),
    TOTAL_PROCESSED("totalProcessed", "办理结果总计", Kind.FLOW, Applications::getTotalProcessed),
    CARRIED_FORWARD("carriedForward", "结转下年度继续办理", Kind.FLOW, Applications::getCarriedForward);

    private enum Kind {
        /** Rows one, two and four, and the results total: not summed into （七）总计. */
        FLOW,
        RESULT,
        /** （六）其他处理 1–3 of the 2021 template. */
        RESULT_2021,
        /** （六）其他处理 as the single row of the 2019 template. */
        RESULT_2019
    }

    final String path;
    final String labelZh;
    private final Kind kind;
    private final Function<Applications, List<Integer>> values;

    ApplicationRow(String path, String labelZh, Kind kind, Function<Applications, List<Integer>> values) {
        this.path = "applications." + path;
        this.labelZh = labelZh;
        this.kind = kind;
        this.values = values;
    }

    /** The cell of this row in {@code column}; unread when the row or the cell is missing. */
    Cell cell(Applications applications, Column column) {
        List<Integer> row = values.apply(applications);
        Integer value = row == null || row.size() <= column.ordinal() ? null : row.get(column.ordinal());
        return new Cell(path + "[" + column.ordinal() + "]", value);
    }

    /** Every row the report's template has, in table order. */
    static List<ApplicationRow> rowsOf(ParsedReport report) {
        Kind absent = usesSingleOtherHandlingRow(report) ? Kind.RESULT_2021 : Kind.RESULT_2019;
        return Arrays.stream(values()).filter(row -> row.kind != absent).toList();
    }

    /** The rows whose sum is （七）总计 in the report's template: 19 in 2019, 21 in 2021. */
    static List<ApplicationRow> resultsOf(ParsedReport report) {
        return rowsOf(report).stream().filter(row -> row.kind != Kind.FLOW).toList();
    }

    private static boolean usesSingleOtherHandlingRow(ParsedReport report) {
        if (report.getTemplate() != null) {
            return "2019".equals(report.getTemplate());
        }
        // Template not recognised: go by the （六） rows the parser found rather than guess a year.
        Applications applications = report.getApplications();
        return applications != null && applications.getOtherHandling() != null
                && applications.getOtherHandling().getTotal() != null;
    }
}
