package io.nianbao.corpus.render;

import static io.nianbao.corpus.render.Document.Cell.of;
import static io.nianbao.corpus.render.Document.Cell.tall;
import static io.nianbao.corpus.render.Document.Cell.wide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Cell;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;
import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ActiveCell;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.CaseColumn;
import io.nianbao.template.Template;

/** Lays a truth out as the national template prints it: the same grid, spans and labels as the 2019/2021 forms. */
public final class ReportLayout {
    private static final String BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    private static final List<String> OUTCOMES = Arrays.stream(CaseColumn.values()).map(CaseColumn::labelZh).toList();
    /** The heading of section 二's label column. */
    private static final String LABEL_HEADING = "信息内容";
    /** Section 二's grid: the label column and three value columns. */
    private static final int ACTIVE_COLUMNS = 4;

    private ReportLayout() {
    }

    public static Document layout(ParsedReport truth) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(truth.getTitle()));
        blocks.add(new Paragraph("根据《中华人民共和国政府信息公开条例》规定，现发布" + truth.getAgency() + truth.getYear()
                + "年政府信息公开工作年度报告。本报告统计数据从" + truth.getPeriodYear() + "年1月1日至12月31日。"));
        blocks.add(new Heading("一、总体情况"));
        paragraphs(truth.getNarrative().getOverview(), blocks);
        blocks.add(new Heading("二、主动公开政府信息情况"));
        blocks.add(active(truth));
        blocks.add(new Heading("三、收到和处理政府信息公开申请情况"));
        blocks.add(applications(truth.getApplications(), truth.getTemplate()));
        blocks.add(new Heading("四、政府信息公开行政复议、行政诉讼情况"));
        blocks.add(cases(truth));
        blocks.add(new Heading("五、存在的主要问题及改进情况"));
        paragraphs(truth.getNarrative().getProblems(), blocks);
        blocks.add(new Heading("六、其他需要报告的事项"));
        paragraphs(truth.getNarrative().getOtherMatters(), blocks);
        blocks.add(new Paragraph(truth.getAgency()));
        LocalDate date = LocalDate.parse(truth.getPublicationDate());
        blocks.add(new Paragraph(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"));
        return new Document(blocks);
    }

    private static void paragraphs(String prose, List<Block> blocks) {
        for (String paragraph : prose.split("\n")) {
            blocks.add(new Paragraph(paragraph));
        }
    }

    /**
     * Section 二 as the template's table prints it (Table.active): each block's heading across the table, its column
     * headings, then its rows; a block of fewer than three columns widens its last one over the rest.
     */
    private static Table active(ParsedReport truth) {
        io.nianbao.template.Table printed = Template.layoutOf(truth).tables().stream()
                .filter(table -> table.key().equals("active")).findFirst().orElseThrow();
        List<List<Cell>> rows = new ArrayList<>();
        for (io.nianbao.template.Table.Block block : printed.blocks()) {
            rows.add(List.of(wide(block.heading(), ACTIVE_COLUMNS)));
            rows.add(spread(LABEL_HEADING, block.columns()));
            for (io.nianbao.template.Table.Row row : block.rows()) {
                rows.add(spread(row.label(), row.cells().stream().map(cell -> printed(truth, (ActiveCell) cell))
                        .toList()));
            }
        }
        return new Table(ACTIVE_COLUMNS, rows);
    }

    /** A label, then its values over the value columns, the last widened over those left. */
    private static List<Cell> spread(String label, List<String> values) {
        List<Cell> cells = new ArrayList<>();
        cells.add(of(label));
        for (int i = 0; i < values.size(); i++) {
            cells.add(i < values.size() - 1 ? of(values.get(i)) : wide(values.get(i), ACTIVE_COLUMNS - values.size()));
        }
        return cells;
    }

    /** A section 二 cell as reports print it: 本年增/减 signed, the fee amount to the fen, 采购总金额 as written. */
    private static String printed(ParsedReport truth, ActiveCell cell) {
        return switch (cell.column()) {
            case CHANGE -> signed((Integer) cell.valueIn(truth));
            case AMOUNT_WAN -> String.format(Locale.ROOT, "%.2f", cell.valueIn(truth).doubleValue());
            case AMOUNT_TEXT -> truth.getActive().getProcurement().getAmountText();
            default -> number((Integer) cell.valueIn(truth));
        };
    }

    /** Three label columns and seven figures, the header and groups merged as the template merges them. */
    private static Table applications(Applications applications, String template) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell(BALANCE_NOTE, 3, 3), wide("申请人情况", 7)));
        rows.add(List.of(tall("自然人", 2), wide("法人或其他组织", 5), tall("总计", 2)));
        rows.add(List.of(of("商业企业"), of("科研机构"), of("社会公益组织"), of("法律服务机构"), of("其他")));
        List<ApplicationRow> templateRows = Template.orCurrent(template).applicationRows();
        int resultRows = Template.orCurrent(template).resultRows().size() + 1;
        String group = null;
        for (ApplicationRow row : templateRows) {
            List<Cell> cells = new ArrayList<>();
            if (row.kind() == ApplicationRow.Kind.BALANCE) {
                cells.add(wide(row.label(), 3));
            } else {
                if (row == ApplicationRow.GRANTED) {
                    cells.add(tall("三、本年度办理结果", resultRows));
                }
                if (row.printedUnder() == null) {
                    cells.add(wide(row.label(), 2));
                } else {
                    if (!row.printedUnder().equals(group)) {
                        long size = templateRows.stream().filter(r -> row.printedUnder().equals(r.printedUnder()))
                                .count();
                        cells.add(tall(row.printedUnder(), (int) size));
                    }
                    cells.add(of(row.label()));
                }
            }
            group = row.printedUnder();
            for (Integer value : row.valuesIn(applications)) {
                cells.add(of(number(value)));
            }
            rows.add(cells);
        }
        return new Table(10, rows);
    }

    private static Table cases(ParsedReport truth) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(wide("行政复议", 5), wide("行政诉讼", 10)));
        List<Cell> second = new ArrayList<>();
        OUTCOMES.forEach(label -> second.add(tall(label, 2)));
        second.add(wide("未经复议直接起诉", 5));
        second.add(wide("复议后起诉", 5));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            OUTCOMES.forEach(label -> third.add(of(label)));
        }
        rows.add(third);
        List<Cell> figures = new ArrayList<>();
        for (CaseOutcomes outcomes : List.of(truth.getReview(), truth.getLitigationDirect(),
                truth.getLitigationAfterReview())) {
            for (Integer value : Arrays.asList(outcomes.getUpheld(), outcomes.getCorrected(),
                    outcomes.getOther(), outcomes.getPending(), outcomes.getTotal())) {
                figures.add(of(number(value)));
            }
        }
        rows.add(figures);
        return new Table(15, rows);
    }

    private static String number(Integer value) {
        return Objects.toString(value, "");
    }

    /** 本年增/减 as reports print it: 「+12」, 「-3」, 「0」. */
    private static String signed(Integer value) {
        return value != null && value > 0 ? "+" + value : number(value);
    }
}
