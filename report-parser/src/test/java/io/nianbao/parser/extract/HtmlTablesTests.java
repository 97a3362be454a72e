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

        assertThat(HtmlTables.text(html, 10_000).strip().split("\n"))
                .containsExactly("(六)其他处理\t1.不补正\t4\t5", "(六)其他处理\t3.其他\t\t6");
    }

    @Test
    void aCellSpanningColumnsTakesItsPlaceOnceAndLaterCellsKeepTheirColumns() throws Exception {
        String html = "<table><tr><td colspan=\"3\">一、本年新收</td><td>7</td></tr>"
                + "<tr><td>a</td><td>b</td><td>c</td><td>8</td></tr></table>";

        assertThat(HtmlTables.text(html, 10_000).strip().split("\n"))
                .containsExactly("一、本年新收\t\t\t7", "a\tb\tc\t8");
    }

    @Test
    void paragraphsAreLinesAndScriptsAreNotText() throws Exception {
        String html = "<html><head><script>var x = 1;</script></head><body><p>一、总体情况</p><div>正文</div></body></html>";

        assertThat(HtmlTables.text(html, 10_000).lines().filter(line -> !line.isBlank()))
                .containsExactly("一、总体情况", "正文");
    }

    @Test
    void moreTextThanTheLimitStopsTheRead() {
        assertThatThrownBy(() -> HtmlTables.text("<p>" + "字".repeat(101) + "</p>", 100))
                .isInstanceOf(GridText.TextLimitException.class);
    }
}
