package io.nianbao.parser;

import static io.nianbao.parser.RealReportsTests.HUAIAN_2024;
import static io.nianbao.parser.Seeds.nulls;
import static io.nianbao.parser.Seeds.rows2021;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.ParsedReport;

/**
 * Real report 017 (section 三 printed column by column over two pages: 13 rows then 12) with one number lost or
 * changed: a block that does not hold rows × 7 numbers, or whose rebuilt rows break the template's identities,
 * stays null with a warning saying why; nothing is shifted into another cell.
 */
class ColumnWiseTablesTests {
    private static final ReportParser PARSER = new ReportParser();
    private static final int PAGE_ONE_ROWS = 13;

    private static ParsedReport parse(String fixture) throws IOException, ReportParseException {
        try (InputStream text = ColumnWiseTablesTests.class.getResourceAsStream("/column-wise/" + fixture)) {
            return PARSER.parse(text.readAllBytes(), SourceInfo.ofFile(fixture));
        }
    }

    private static void assertPageOneNullAndPageTwoRead(ParsedReport report) {
        List<List<Integer>> rows = rows2021(report.getApplications());
        assertThat(rows.subList(0, PAGE_ONE_ROWS)).isEqualTo(Collections.nCopies(PAGE_ONE_ROWS, nulls()));
        assertThat(rows.subList(PAGE_ONE_ROWS, rows.size()))
                .isEqualTo(HUAIAN_2024.subList(PAGE_ONE_ROWS, HUAIAN_2024.size()));
    }

    @Test
    void aBlockMissingOneNumberStaysNullAndThePageThatFitsIsStillRebuilt() throws Exception {
        ParsedReport report = parse("017-page1-number-missing.txt");

        assertPageOneNullAndPageTwoRead(report);
        assertThat(report.getWarnings())
                .anyMatch(w -> w.startsWith("COLUMN_ORDER_UNREAD applications: a block of 90 numbers")
                        && w.contains("13 × 7 = 91"))
                .anyMatch(w -> w.startsWith("COLUMN_ORDER_REBUILT applications:")
                        && w.contains("the column balance could not be checked"));
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200 - PAGE_ONE_ROWS * 7);
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
    }

    @Test
    void aRebuiltRowWhoseTotalBreaksLeavesItsBlockNull() throws Exception {
        ParsedReport report = parse("017-row-total-broken.txt");

        assertPageOneNullAndPageTwoRead(report);
        assertThat(report.getWarnings()).anyMatch(w -> w.startsWith("COLUMN_ORDER_UNREAD applications:")
                && w.contains("whose total is not the sum of their six columns (newApplications)"));
    }

    @Test
    void rebuiltRowsThatBreakTheColumnBalanceLeaveTheWholeSectionNull() throws Exception {
        ParsedReport report = parse("017-column-balance-broken.txt");

        assertThat(rows2021(report.getApplications())).isEqualTo(Collections.nCopies(HUAIAN_2024.size(), nulls()));
        assertThat(report.getCompleteness().getTablesFound()).contains("applications");
        assertThat(report.getWarnings())
                .anyMatch(w -> w.startsWith("COLUMN_ORDER_UNREAD applications:") && w.contains("column 0: 3035 ≠ 3036"))
                .noneMatch(w -> w.startsWith("COLUMN_ORDER_REBUILT"));
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
    }

    @Test
    void aBlockWhoseRowsAddUpReadEitherWayStaysNull() throws Exception {
        // Column after column: complaint all 0, duplicate 0 0 0 0 2 0 2; row after row: duplicate 0 0 2 0 0 0 2.
        String figures = String.join("\n", "0 0 0 0 0 0 0 0 0 2 0 0 0 2".split(" "));
        String text = "测试县人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n概况。\n\n二、主动公开政府信息情况\n\n无。\n\n"
                + "三、收到和处理政府信息公开申请情况\n\n1.信访举报投诉类申请\n\n2.重复申请\n\n" + figures
                + "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。";

        ParsedReport report = PARSER.parse(text, SourceInfo.ofFile("ambiguous.txt"));

        assertThat(report.getApplications().getNotProcessed().getComplaint()).isEqualTo(nulls());
        assertThat(report.getApplications().getNotProcessed().getDuplicate()).isEqualTo(nulls());
        assertThat(report.getWarnings()).anyMatch(w -> w.startsWith("COLUMN_ORDER_UNREAD applications:")
                && w.contains("row after row as well as column after column"));
    }
}
