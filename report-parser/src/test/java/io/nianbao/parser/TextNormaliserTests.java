package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.text.TextNormaliser;

class TextNormaliserTests {

    @Test
    void fullWidthDigitsAndPunctuationBecomeHalfWidth() {
        assertThat(TextNormaliser.normalise("第二十条第（一）项\t１２\t３　件：ａ"))
                .isEqualTo("第二十条第(一)项\t12\t3 件:a");
    }

    @Test
    void markdownHeadingAndBoldMarkersAreRemoved() {
        assertThat(TextNormaliser.normalise("## 一、总体情况\n**一是**通过网站公开\n#### 四、政府信息公开行政复议"))
                .isEqualTo("一、总体情况\n一是通过网站公开\n四、政府信息公开行政复议");
    }

    @Test
    void pageNumberDebrisLinesAreDropped() {
        assertThat(TextNormaliser.normalise("正文一\n- 3 -\n— 12 —\n第 4 页 共 10 页\n5 / 10\n正文二"))
                .isEqualTo("正文一\n正文二");
    }

    @Test
    void bareNumbersAndOcrDebrisInTablesAreKept() {
        assertThat(TextNormaliser.normalise("0\t0\t0\n-, 4\t(四)无法提供\n7"))
                .isEqualTo("0\t0\t0\n-, 4\t(四)无法提供\n7");
    }

    @Test
    void windowsLineEndsAndPaddingAroundTabsAreTidied() {
        assertThat(TextNormaliser.normalise("规章 \t 0\t0\r\n行政许可\t0  \r\n")).isEqualTo("规章\t0\t0\n行政许可\t0");
    }
}
