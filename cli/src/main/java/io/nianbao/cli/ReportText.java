package io.nianbao.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;

/**
 * A parsed report as a person reads the template: its tables with the template's Chinese labels, aligned; a value
 * that could not be read shows as 「—」, never as 0.
 */
final class ReportText {
    static final String NOT_READ = "—";
    /** Marks a cell the parser filled from the template's identities rather than read. */
    static final String INFERRED = "*";

    private record Block(String label, String path) {
    }

    private static final List<Block> ACTIVE_DOCUMENTS = List.of(
            new Block("规章", "active.regulations"), new Block("行政规范性文件", "active.normativeDocuments"));
    private static final List<Block> ACTIVE_DECISIONS_2021 = List.of(new Block("行政许可", "active.licensing"),
            new Block("行政处罚", "active.penalties"), new Block("行政强制", "active.enforcement"));
    private static final List<Block> ACTIVE_DECISIONS_2019 = List.of(new Block("行政许可", "active.licensing"),
            new Block("其他对外管理服务事项", "active.otherServices"), new Block("行政处罚", "active.penalties"),
            new Block("行政强制", "active.enforcement"), new Block("行政事业性收费", "active.fees"));

    private static final List<String> APPLICANTS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    private static final List<Block> APPLICATIONS_HEAD = List.of(
            new Block("一、本年新收政府信息公开申请数量", "applications.newApplications"),
            new Block("二、上年结转政府信息公开申请数量", "applications.carriedOver"),
            new Block("三、本年度办理结果 （一）予以公开", "applications.granted"),
            new Block("（二）部分公开", "applications.partiallyGranted"),
            new Block("（三）不予公开 1.属于国家秘密", "applications.denied.stateSecret"),
            new Block("2.其他法律行政法规禁止公开", "applications.denied.lawProhibited"),
            new Block("3.危及“三安全一稳定”", "applications.denied.threeSecurityOneStability"),
            new Block("4.保护第三方合法权益", "applications.denied.thirdPartyRights"),
            new Block("5.属于三类内部事务信息", "applications.denied.internalAffairs"),
            new Block("6.属于四类过程性信息", "applications.denied.processInformation"),
            new Block("7.属于行政执法案卷", "applications.denied.enforcementFiles"),
            new Block("8.属于行政查询事项", "applications.denied.queryMatters"),
            new Block("（四）无法提供 1.本机关不掌握相关政府信息", "applications.unavailable.notHeld"),
            new Block("2.没有现成信息需要另行制作", "applications.unavailable.needsCreation"),
            new Block("3.补正后申请内容仍不明确", "applications.unavailable.stillUnclear"),
            new Block("（五）不予处理 1.信访举报投诉类申请", "applications.notProcessed.complaint"),
            new Block("2.重复申请", "applications.notProcessed.duplicate"),
            new Block("3.要求提供公开出版物", "applications.notProcessed.publication"),
            new Block("4.无正当理由大量反复申请", "applications.notProcessed.excessive"),
            new Block("5.要求行政机关确认或重新出具已获取信息", "applications.notProcessed.confirmation"));
    private static final List<Block> OTHER_HANDLING_2021 = List.of(
            new Block("（六）其他处理 1.申请人无正当理由逾期不补正", "applications.otherHandling.noCorrection"),
            new Block("2.申请人逾期未按收费通知要求缴纳费用", "applications.otherHandling.noFee"),
            new Block("3.其他", "applications.otherHandling.other"));
    private static final List<Block> OTHER_HANDLING_2019 = List.of(
            new Block("（六）其他处理", "applications.otherHandling.total"));
    private static final List<Block> APPLICATIONS_TAIL = List.of(
            new Block("（七）总计", "applications.totalProcessed"),
            new Block("四、结转下年度继续办理", "applications.carriedForward"));

    private static final List<Block> CASES = List.of(new Block("行政复议", "review"),
            new Block("行政诉讼 未经复议直接起诉", "litigationDirect"), new Block("行政诉讼 复议后起诉", "litigationAfterReview"));
    private static final List<String> CASE_FIELDS = List.of("upheld", "corrected", "other", "pending", "total");
    private static final List<String> CASE_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private ReportText() {
    }

    static String render(String file, ParsedReport parsed) {
        Map<String, Object> report = RecordMaps.toMap(parsed);
        Set<String> inferred = Set.copyOf(parsed.getCompleteness().getInferredCells());
        boolean template2019 = "2019".equals(parsed.getTemplate());
        StringBuilder text = new StringBuilder();
        text.append("== ").append(file).append(" ==\n");
        text.append("机关: ").append(orDash(parsed.getAgency())).append("    年度: ").append(orDash(parsed.getYear()))
                .append("    模板: ").append(orDash(parsed.getTemplate())).append('\n');
        text.append("区划: ").append(division(parsed)).append('\n');
        var completeness = parsed.getCompleteness();
        text.append("读出: ").append(completeness.getCellsRead()).append('/').append(completeness.getCellsExpected())
                .append(" 单元格; 表格 ").append(completeness.getTablesFound()).append('\n');

        text.append("\n二、主动公开政府信息情况\n");
        text.append(blocks(report, inferred, ACTIVE_DOCUMENTS, template2019
                ? List.of("newlyMade", "newlyPublished", "totalPublished") : List.of("issued", "repealed", "inForce"),
                template2019 ? List.of("本年新制作数量", "本年新公开数量", "对外公开总数量") : List.of("本年制发件数", "本年废止件数", "现行有效件数")));
        if (template2019) {
            text.append(blocks(report, inferred, ACTIVE_DECISIONS_2019, List.of("lastYearItems", "change", "decisions"),
                    List.of("上一年项目数量", "本年增/减", "处理决定数量")));
            text.append(blocks(report, inferred, List.of(new Block("政府集中采购", "active.procurement")),
                    List.of("projects", "amountWan"), List.of("采购项目数量", "采购总金额（万元）")));
        } else {
            text.append(blocks(report, inferred, ACTIVE_DECISIONS_2021, List.of("decisions"), List.of("本年处理决定数量")));
            text.append(blocks(report, inferred, List.of(new Block("行政事业性收费", "active.fees")), List.of("amountWan"),
                    List.of("本年收费金额（万元）")));
        }

        text.append("\n三、收到和处理政府信息公开申请情况\n");
        List<List<String>> rows = new ArrayList<>();
        Stream.of(APPLICATIONS_HEAD, template2019 ? OTHER_HANDLING_2019 : OTHER_HANDLING_2021, APPLICATIONS_TAIL)
                .flatMap(List::stream)
                .forEach(block -> rows.add(row(block.label(), at(report, block.path()),
                        APPLICANTS.size(), cell -> inferred.contains(block.path() + "[" + cell + "]"))));
        text.append(SummaryTable.render(prepend("", APPLICANTS), rows));

        text.append("\n四、政府信息公开行政复议、行政诉讼情况\n");
        text.append(blocks(report, inferred, CASES, CASE_FIELDS, CASE_LABELS));

        if (!inferred.isEmpty()) {
            text.append(INFERRED).append(" 由表内恒等关系推出, 非原文所印 (inferred from the template's identities)\n");
        }
        text.append("\n警告 (").append(parsed.getWarnings().size()).append(")\n");
        parsed.getWarnings().forEach(warning -> text.append("- ").append(warning).append('\n'));
        return text.append('\n').toString();
    }

    private static String division(ParsedReport parsed) {
        var division = parsed.getDivision();
        List<String> names = Stream.of(division.getProvinceName(), division.getCityName(), division.getCountyName(),
                division.getTownName()).filter(name -> name != null).toList();
        String code = Stream.of(division.getTownCode(), division.getCountyCode(), division.getCityCode(),
                division.getProvinceCode()).filter(value -> value != null).findFirst().orElse(null);
        String located = names.isEmpty() ? "" : String.join(" ", names) + " (" + code + ") ";
        String candidates = division.getCandidates().isEmpty() ? "" : " 候选 " + division.getCandidates();
        return located + "[" + division.getStatus() + "]" + candidates;
    }

    /** A table with one row per block, its cells the block's {@code fields}. */
    private static String blocks(Map<String, Object> report, Set<String> inferred, List<Block> blocks,
            List<String> fields, List<String> labels) {
        List<List<String>> rows = new ArrayList<>();
        for (Block block : blocks) {
            Object values = at(report, block.path());
            List<Object> cells = new ArrayList<>();
            fields.forEach(field -> cells.add(values instanceof Map<?, ?> map ? map.get(field) : null));
            rows.add(row(block.label(), cells, fields.size(),
                    cell -> inferred.contains(block.path() + "." + fields.get(cell))));
        }
        return SummaryTable.render(prepend("信息内容", labels), rows);
    }

    /** A labelled row of {@code columns} cells; a row that is missing altogether shows every cell as not read. */
    private static List<String> row(String label, Object cells, int columns, IntPredicate isInferred) {
        List<?> values = cells instanceof List<?> list ? list : List.of();
        List<String> row = new ArrayList<>();
        row.add(label);
        for (int cell = 0; cell < columns; cell++) {
            Object value = cell < values.size() ? values.get(cell) : null;
            row.add(orDash(value) + (value != null && isInferred.test(cell) ? INFERRED : ""));
        }
        return row;
    }

    /** The value under a dotted path of the report's canonical map, or null where any step is missing. */
    private static Object at(Map<String, Object> report, String path) {
        Object value = report;
        for (String step : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return value;
    }

    static String orDash(Object value) {
        if (value == null) {
            return NOT_READ;
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
