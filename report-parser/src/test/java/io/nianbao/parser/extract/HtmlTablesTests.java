package io.nianbao.parser.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTablesTests {

    @Test
    void aLabelSpanningRowsIsRepeatedOnEveryRowAndAValueSpanningRowsStandsOnce() throws Exception {
        String html = "<table>"
                + "<tr><td rowspan=\"2\">(六)其他处理</td><td>1.不补正</td><td rowspan=\"2\">4</td><td>5</td></tr>"
                + "<tr><td>3.其他</td><td>6</td></tr>"
                + "</table>";

        assertThat(HtmlTables.read(html, 10_000).text().strip().split("\n"))
                .containsExactly("(六)其他处理\t1.不补正\t4\t5", "(六)其他处理\t3.其他\t6");
    }

    @Test
    void aCellSpanningColumnsTakesItsPlaceOnceAndLaterCellsKeepTheirColumns() throws Exception {
        String html = "<table><tr><td colspan=\"3\">一、本年新收</td><td>7</td></tr>"
                + "<tr><td>a</td><td>b</td><td>c</td><td>8</td></tr></table>";

        assertThat(HtmlTables.read(html, 10_000).text().strip().split("\n"))
                .containsExactly("一、本年新收\t7", "a\tb\tc\t8");
    }

    @Test
    void aBlankCellInAColumnOfFiguresKeepsItsColumnAndABlankInALabelColumnIsLayout() throws Exception {
        String html = "<table><tr><td>申请人</td><td></td><td>自然人</td><td>商业企业</td><td>总计</td></tr>"
                + "<tr><td>一、本年新收</td><td></td><td>821</td><td>35</td><td>859</td></tr>"
                + "<tr><td>三、本年度办理结果</td><td>（一）予以公开</td><td>258</td><td>&nbsp;</td><td> </td></tr></table>";

        assertThat(HtmlTables.read(html, 10_000).text().strip().split("\n")).containsExactly(
                "申请人\t\t自然人\t商业企业\t总计",
                "一、本年新收\t\t821\t35\t859",
                "三、本年度办理结果\t（一）予以公开\t258\t" + GridText.BLANK_CELL + "\t" + GridText.BLANK_CELL);
    }

    @Test
    void paragraphsAreLinesAndScriptsAreNotText() throws Exception {
        String html = "<html><head><script>var x = 1;</script></head><body><p>一、总体情况</p><div>正文</div></body></html>";

        assertThat(HtmlTables.read(html, 10_000).text().lines().filter(line -> !line.isBlank()))
                .containsExactly("一、总体情况", "正文");
    }

    @Test
    void moreTextThanTheLimitStopsTheRead() {
        assertThatThrownBy(() -> HtmlTables.read("<p>" + "字".repeat(101) + "</p>", 100).text())
                .isInstanceOf(GridText.TextLimitException.class);
    }
}
