package io.nianbao.store.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The report template's tables as printed: headings, row labels and which stored cell (by the path the rules
 * use in findings) sits where. The .xlsx export and the dashboard both lay reports out from this.
 */
public final class TemplateLayout {
    /** @param cells one path per column; null where the template prints no cell */
    public record Row(String label, List<String> cells) {
    }

    public record Table(String key, String title, List<String> columns, List<Row> rows) {
    }

    private static final List<String> APPLICANTS = List.of("自然人", "商业企业", "科研机构", "社会公益组织",
            "法律服务机构", "其他", "总计");
    private static final List<String> CASE_OUTCOMES = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private TemplateLayout() {
    }

    /** The tables of {@code template} ("2019" or "2021"; anything else is laid out as 2021). */
    public static List<Table> of(String template) {
        return List.of("2019".equals(template) ? active2019() : active2021(), applications(template), cases());
    }

    private static Table active2021() {
        List<String> documents = List.of("issued", "repealed", "inForce");
        return new Table("active", "二、主动公开政府信息情况",
                List.of("本年制发件数", "本年废止件数", "现行有效件数"),
                List.of(row("规章", "active.regulations", documents),
                        row("行政规范性文件", "active.normativeDocuments", documents),
                        new Row("行政许可（本年处理决定数量）", padded("active.licensing.decisions", 3)),
                        new Row("行政处罚（本年处理决定数量）", padded("active.penalties.decisions", 3)),
                        new Row("行政强制（本年处理决定数量）", padded("active.enforcement.decisions", 3)),
                        new Row("行政事业性收费（本年收费金额，万元）", padded("active.fees.amountWan", 3))));
    }

    private static Table active2019() {
        List<String> documents = List.of("newlyMade", "newlyPublished", "totalPublished");
        List<String> decisions = List.of("lastYearItems", "change", "decisions");
        return new Table("active", "二、主动公开政府信息情况",
                List.of("本年新制作数量 / 上一年项目数量", "本年新公开数量 / 本年增/减", "对外公开总数量 / 处理决定数量"),
                List.of(row("规章", "active.regulations", documents),
                        row("规范性文件", "active.normativeDocuments", documents),
                        row("行政许可", "active.licensing", decisions),
                        row("其他对外管理服务事项", "active.otherServices", decisions),
                        row("行政处罚", "active.penalties", decisions),
                        row("行政强制", "active.enforcement", decisions),
                        row("行政事业性收费", "active.fees", List.of("lastYearItems", "change", "amountWan")),
                        row("政府集中采购（采购项目数量、采购总金额）", "active.procurement",
                                List.of("projects", "amountWan", "amountText"))));
    }

    private static Table applications(String template) {
        List<Row> rows = new ArrayList<>();
        rows.add(applicants("一、本年新收政府信息公开申请数量", "newApplications"));
        rows.add(applicants("二、上年结转政府信息公开申请数量", "carriedOver"));
        rows.add(applicants("三、本年度办理结果（一）予以公开", "granted"));
        rows.add(applicants("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partiallyGranted"));
        String[][] denied = { { "stateSecret", "1.属于国家秘密" }, { "lawProhibited", "2.其他法律行政法规禁止公开" },
                { "threeSecurityOneStability", "3.危及“三安全一稳定”" }, { "thirdPartyRights", "4.保护第三方合法权益" },
                { "internalAffairs", "5.属于三类内部事务信息" }, { "processInformation", "6.属于四类过程性信息" },
                { "enforcementFiles", "7.属于行政执法案卷" }, { "queryMatters", "8.属于行政查询事项" } };
        for (String[] row : denied) {
            rows.add(applicants("（三）不予公开 " + row[1], "denied." + row[0]));
        }
        rows.add(applicants("（四）无法提供 1.本机关不掌握相关政府信息", "unavailable.notHeld"));
        rows.add(applicants("（四）无法提供 2.没有现成信息需要另行制作", "unavailable.needsCreation"));
        rows.add(applicants("（四）无法提供 3.补正后申请内容仍不明确", "unavailable.stillUnclear"));
        rows.add(applicants("（五）不予处理 1.信访举报投诉类申请", "notProcessed.complaint"));
        rows.add(applicants("（五）不予处理 2.重复申请", "notProcessed.duplicate"));
        rows.add(applicants("（五）不予处理 3.要求提供公开出版物", "notProcessed.publication"));
        rows.add(applicants("（五）不予处理 4.无正当理由大量反复申请", "notProcessed.excessive"));
        rows.add(applicants("（五）不予处理 5.要求行政机关确认或重新出具已获取信息", "notProcessed.confirmation"));
        if ("2019".equals(template)) {
            rows.add(applicants("（六）其他处理", "otherHandling.total"));
        } else {
            rows.add(applicants("（六）其他处理 1.申请人无正当理由逾期不补正", "otherHandling.noCorrection"));
            rows.add(applicants("（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", "otherHandling.noFee"));
            rows.add(applicants("（六）其他处理 3.其他", "otherHandling.other"));
        }
        rows.add(applicants("（七）总计", "totalProcessed"));
        rows.add(applicants("四、结转下年度继续办理", "carriedForward"));
        return new Table("applications", "三、收到和处理政府信息公开申请情况", APPLICANTS, rows);
    }

    private static Table cases() {
        List<String> fields = List.of("upheld", "corrected", "other", "pending", "total");
        return new Table("cases", "四、政府信息公开行政复议、行政诉讼情况", CASE_OUTCOMES,
                List.of(row("行政复议", "review", fields),
                        row("行政诉讼 未经复议直接起诉", "litigationDirect", fields),
                        row("行政诉讼 复议后起诉", "litigationAfterReview", fields)));
    }

    private static Row applicants(String label, String row) {
        String path = "applications." + row;
        return new Row(label, IntStream.range(0, APPLICANTS.size()).mapToObj(i -> path + "[" + i + "]").toList());
    }

    private static Row row(String label, String group, List<String> fields) {
        return new Row(label, fields.stream().map(field -> group + "." + field).toList());
    }

    /** One value in the last column of a row that has {@code width} columns. */
    private static List<String> padded(String path, int width) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i < width; i++) {
            cells.add(null);
        }
        cells.add(path);
        return cells;
    }
}
