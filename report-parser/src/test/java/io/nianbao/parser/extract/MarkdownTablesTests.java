package io.nianbao.parser.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTablesTests {

    @Test
    void aPipeTableIsReadAsItsGridWithABlankCellInItsColumnRowPaddingDroppedAndItsPartsAcrossAPageJoined() throws Exception {
        String markdown = "三、收到和处理政府信息公开申请情况\n"
                + "| 申请人情况 | 自然人 | 商业企业 | 总计 |\n|---|---|---|---|\n"
                + "| 一、本年新收政府信息公开申请数量 | 12 |  | 12 |  |\n"
                + "— 4 —\n## 表三\n"
                + "| （七）总计 | 12 | 0 | 12 |\n|---|---|---|---|\n";

        assertThat(MarkdownTables.text(markdown, 10_000).lines().filter(line -> !line.isBlank())).containsExactly(
                "三、收到和处理政府信息公开申请情况",
                "申请人情况\t自然人\t商业企业\t总计",
                "一、本年新收政府信息公开申请数量\t12\t" + GridText.BLANK_CELL + "\t12",
                "（七）总计\t12\t0\t12");
    }

    @Test
    void onlyADelimiterRowMakesATable() {
        assertThat(MarkdownTables.hasPipeTable("| 规章 | 22 |\n|---|---|\n")).isTrue();
        assertThat(MarkdownTables.hasPipeTable("规章 | 22 | 235\n行政许可 - 0\n")).isFalse();
    }
}
