package io.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Denied;
import io.nianbao.schema.NotProcessed;
import io.nianbao.schema.OtherHandling;
import io.nianbao.schema.Unavailable;

/** The rows of section 三 in template order: canonical path, the group label and the row's own label. */
public final class TemplateRows {
    /** One printed row; {@code group} is the（三）-style label the row sits under, or null. */
    public record Row(String path, String group, String label) {
    }

    public static final String NEW = "newApplications";
    public static final String CARRIED_OVER = "carriedOver";
    public static final String TOTAL_PROCESSED = "totalProcessed";
    public static final String CARRIED_FORWARD = "carriedForward";
    public static final String GRANTED = "granted";

    private static final String DENIED = "（三）不予公开";
    private static final String UNAVAILABLE = "（四）无法提供";
    private static final String NOT_PROCESSED = "（五）不予处理";
    private static final String OTHER = "（六）其他处理";

    private TemplateRows() {
    }

    /** Every data row of section 三: 25 in the 2021 template, 23 in the 2019 one. */
    public static List<Row> of(String template) {
        List<Row> rows = new ArrayList<>(List.of(
                new Row(NEW, null, "一、本年新收政府信息公开申请数量"),
                new Row(CARRIED_OVER, null, "二、上年结转政府信息公开申请数量"),
                new Row(GRANTED, null, "（一）予以公开"),
                new Row("partiallyGranted", null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                new Row("denied.stateSecret", DENIED, "1.属于国家秘密"),
                new Row("denied.lawProhibited", DENIED, "2.其他法律行政法规禁止公开"),
                new Row("denied.threeSecurityOneStability", DENIED, "3.危及“三安全一稳定”"),
                new Row("denied.thirdPartyRights", DENIED, "4.保护第三方合法权益"),
                new Row("denied.internalAffairs", DENIED, "5.属于三类内部事务信息"),
                new Row("denied.processInformation", DENIED, "6.属于四类过程性信息"),
                new Row("denied.enforcementFiles", DENIED, "7.属于行政执法案卷"),
                new Row("denied.queryMatters", DENIED, "8.属于行政查询事项"),
                new Row("unavailable.notHeld", UNAVAILABLE, "1.本机关不掌握相关政府信息"),
                new Row("unavailable.needsCreation", UNAVAILABLE, "2.没有现成信息需要另行制作"),
                new Row("unavailable.stillUnclear", UNAVAILABLE, "3.补正后申请内容仍不明确"),
                new Row("notProcessed.complaint", NOT_PROCESSED, "1.信访举报投诉类申请"),
                new Row("notProcessed.duplicate", NOT_PROCESSED, "2.重复申请"),
                new Row("notProcessed.publication", NOT_PROCESSED, "3.要求提供公开出版物"),
                new Row("notProcessed.excessive", NOT_PROCESSED, "4.无正当理由大量反复申请"),
                new Row("notProcessed.confirmation", NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息")));
        if ("2019".equals(template)) {
            rows.add(new Row("otherHandling.total", null, OTHER));
        } else {
            rows.add(new Row("otherHandling.noCorrection", OTHER,
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"));
            rows.add(new Row("otherHandling.noFee", OTHER,
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"));
            rows.add(new Row("otherHandling.other", OTHER, "3.其他"));
        }
        rows.add(new Row(TOTAL_PROCESSED, null, "（七）总计"));
        rows.add(new Row(CARRIED_FORWARD, null, "四、结转下年度继续办理"));
        return List.copyOf(rows);
    }

    /** The 办理结果 rows whose sum is （七）总计. */
    public static List<Row> results(String template) {
        return of(template).stream()
                .filter(row -> !List.of(NEW, CARRIED_OVER, TOTAL_PROCESSED, CARRIED_FORWARD).contains(row.path()))
                .toList();
    }

    /** The row at {@code path} of a parsed or generated table, or null when it is absent. */
    public static List<Integer> get(Applications applications, String path) {
        Denied denied = applications.getDenied();
        Unavailable unavailable = applications.getUnavailable();
        NotProcessed notProcessed = applications.getNotProcessed();
        OtherHandling other = applications.getOtherHandling();
        return switch (path) {
            case NEW -> applications.getNewApplications();
            case CARRIED_OVER -> applications.getCarriedOver();
            case GRANTED -> applications.getGranted();
            case "partiallyGranted" -> applications.getPartiallyGranted();
            case "denied.stateSecret" -> denied.getStateSecret();
            case "denied.lawProhibited" -> denied.getLawProhibited();
            case "denied.threeSecurityOneStability" -> denied.getThreeSecurityOneStability();
            case "denied.thirdPartyRights" -> denied.getThirdPartyRights();
            case "denied.internalAffairs" -> denied.getInternalAffairs();
            case "denied.processInformation" -> denied.getProcessInformation();
            case "denied.enforcementFiles" -> denied.getEnforcementFiles();
            case "denied.queryMatters" -> denied.getQueryMatters();
            case "unavailable.notHeld" -> unavailable.getNotHeld();
            case "unavailable.needsCreation" -> unavailable.getNeedsCreation();
            case "unavailable.stillUnclear" -> unavailable.getStillUnclear();
            case "notProcessed.complaint" -> notProcessed.getComplaint();
            case "notProcessed.duplicate" -> notProcessed.getDuplicate();
            case "notProcessed.publication" -> notProcessed.getPublication();
            case "notProcessed.excessive" -> notProcessed.getExcessive();
            case "notProcessed.confirmation" -> notProcessed.getConfirmation();
            case "otherHandling.noCorrection" -> other.getNoCorrection();
            case "otherHandling.noFee" -> other.getNoFee();
            case "otherHandling.other" -> other.getOther();
            case "otherHandling.total" -> other.getTotal();
            case TOTAL_PROCESSED -> applications.getTotalProcessed();
            case CARRIED_FORWARD -> applications.getCarriedForward();
            default -> throw new IllegalArgumentException("no section-三 row " + path);
        };
    }

    /** Builds the Avro table from rows by path; rows the template lacks stay null. */
    public static Applications build(java.util.Map<String, List<Integer>> rows) {
        return Applications.newBuilder()
                .setNewApplications(rows.get(NEW))
                .setCarriedOver(rows.get(CARRIED_OVER))
                .setGranted(rows.get(GRANTED))
                .setPartiallyGranted(rows.get("partiallyGranted"))
                .setDenied(Denied.newBuilder()
                        .setStateSecret(rows.get("denied.stateSecret"))
                        .setLawProhibited(rows.get("denied.lawProhibited"))
                        .setThreeSecurityOneStability(rows.get("denied.threeSecurityOneStability"))
                        .setThirdPartyRights(rows.get("denied.thirdPartyRights"))
                        .setInternalAffairs(rows.get("denied.internalAffairs"))
                        .setProcessInformation(rows.get("denied.processInformation"))
                        .setEnforcementFiles(rows.get("denied.enforcementFiles"))
                        .setQueryMatters(rows.get("denied.queryMatters"))
                        .build())
                .setUnavailable(Unavailable.newBuilder()
                        .setNotHeld(rows.get("unavailable.notHeld"))
                        .setNeedsCreation(rows.get("unavailable.needsCreation"))
                        .setStillUnclear(rows.get("unavailable.stillUnclear"))
                        .build())
                .setNotProcessed(NotProcessed.newBuilder()
                        .setComplaint(rows.get("notProcessed.complaint"))
                        .setDuplicate(rows.get("notProcessed.duplicate"))
                        .setPublication(rows.get("notProcessed.publication"))
                        .setExcessive(rows.get("notProcessed.excessive"))
                        .setConfirmation(rows.get("notProcessed.confirmation"))
                        .build())
                .setOtherHandling(OtherHandling.newBuilder()
                        .setNoCorrection(rows.get("otherHandling.noCorrection"))
                        .setNoFee(rows.get("otherHandling.noFee"))
                        .setOther(rows.get("otherHandling.other"))
                        .setTotal(rows.get("otherHandling.total"))
                        .build())
                .setTotalProcessed(rows.get(TOTAL_PROCESSED))
                .setCarriedForward(rows.get(CARRIED_FORWARD))
                .build();
    }
}
