package io.nianbao.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of the template as printed: its heading and its blocks, each block with its column headings and rows. Section
 * 二 prints one block per article item (第二十条第（一）项 …) with columns of its own; sections 三 and 四 are one block.
 *
 * @param key the table's key in the report ({@code active}, {@code applications}, {@code cases})
 */
public record Table(String key, String title, List<Block> blocks) {

    /**
     * @param heading the block's heading, e.g. 第二十条第（一）项; null for a table of one block
     * @param columns the column headings of its data cells
     */
    public record Block(String heading, List<String> columns, List<Row> rows) {
    }

    /**
     * @param group the label the row is printed under (（三）不予公开 …); null for a row of its own
     * @param label the row's own label
     * @param cells one per column
     */
    public record Row(String group, String label, List<CellPath> cells) {

        /** The row's label as one line: its group, then its own label (「（三）不予公开 1.属于国家秘密」). */
        public String fullLabel() {
            return group == null ? label : group + " " + label;
        }
    }

    public Table {
        blocks = List.copyOf(blocks);
    }

    /** Every row of every block. */
    public List<Row> rows() {
        return blocks.stream().flatMap(block -> block.rows().stream()).toList();
    }

    static Table active(Template template) {
        String title = "二、主动公开政府信息情况";
        if (template == Template.Y2021) {
            List<String> decisions = List.of("本年处理决定数量");
            return new Table("active", title, List.of(
                    block("第二十条第（一）项", List.of("本年制发件数", "本年废止件数", "现行有效件数"),
                            active(ActiveRow.REGULATIONS, "规章", ActiveField.ISSUED, ActiveField.REPEALED,
                                    ActiveField.IN_FORCE),
                            active(ActiveRow.NORMATIVE_DOCUMENTS, "行政规范性文件", ActiveField.ISSUED,
                                    ActiveField.REPEALED, ActiveField.IN_FORCE)),
                    block("第二十条第（五）项", decisions,
                            active(ActiveRow.LICENSING, "行政许可", ActiveField.DECISIONS)),
                    block("第二十条第（六）项", decisions,
                            active(ActiveRow.PENALTIES, "行政处罚", ActiveField.DECISIONS),
                            active(ActiveRow.ENFORCEMENT, "行政强制", ActiveField.DECISIONS)),
                    block("第二十条第（八）项", List.of("本年收费金额（单位：万元）"),
                            active(ActiveRow.FEES, "行政事业性收费", ActiveField.AMOUNT_WAN))));
        }
        List<String> decisions = List.of("上一年项目数量", "本年增/减", "处理决定数量");
        ActiveField[] decisionFields = { ActiveField.LAST_YEAR_ITEMS, ActiveField.CHANGE, ActiveField.DECISIONS };
        return new Table("active", title, List.of(
                block("第二十条第（一）项", List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"),
                        active(ActiveRow.REGULATIONS, "规章", ActiveField.NEWLY_MADE, ActiveField.NEWLY_PUBLISHED,
                                ActiveField.TOTAL_PUBLISHED),
                        active(ActiveRow.NORMATIVE_DOCUMENTS, "规范性文件", ActiveField.NEWLY_MADE,
                                ActiveField.NEWLY_PUBLISHED, ActiveField.TOTAL_PUBLISHED)),
                block("第二十条第（五）项", decisions,
                        active(ActiveRow.LICENSING, "行政许可", decisionFields),
                        active(ActiveRow.OTHER_SERVICES, "其他对外管理服务事项", decisionFields)),
                block("第二十条第（六）项", decisions,
                        active(ActiveRow.PENALTIES, "行政处罚", decisionFields),
                        active(ActiveRow.ENFORCEMENT, "行政强制", decisionFields)),
                block("第二十条第（八）项", List.of("上一年项目数量", "本年增/减"),
                        active(ActiveRow.FEES, "行政事业性收费", ActiveField.LAST_YEAR_ITEMS, ActiveField.CHANGE)),
                block("第二十条第（九）项", List.of("采购项目数量", "采购总金额"),
                        active(ActiveRow.PROCUREMENT, "政府集中采购", ActiveField.PROJECTS, ActiveField.AMOUNT_TEXT))));
    }

    static Table applications(Template template) {
        List<Row> rows = new ArrayList<>();
        for (ApplicationRow row : template.applicationRows()) {
            rows.add(new Row(row.printedUnder(), row.label(), List.copyOf(row.cells())));
        }
        List<String> columns = Arrays.stream(ApplicantColumn.values()).map(ApplicantColumn::labelZh).toList();
        return new Table("applications", "三、收到和处理政府信息公开申请情况", List.of(new Block(null, columns, rows)));
    }

    static Table cases() {
        List<String> columns = Arrays.stream(CaseColumn.values()).map(CaseColumn::labelZh).toList();
        List<Row> rows = Arrays.stream(CaseGroup.values())
                .map(group -> new Row(group == CaseGroup.REVIEW ? null : "行政诉讼", group.nameZh(),
                        List.copyOf(group.cells())))
                .toList();
        return new Table("cases", "四、政府信息公开行政复议、行政诉讼情况", List.of(new Block(null, columns, rows)));
    }

    private static Block block(String heading, List<String> columns, Row... rows) {
        return new Block(heading, columns, List.of(rows));
    }

    private static Row active(ActiveRow row, String label, ActiveField... fields) {
        return new Row(null, label, Arrays.stream(fields).map(field -> (CellPath) row.cell(field)).toList());
    }
}
