package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SummaryTableTests {

    @Test
    void chineseCellsCountTwoColumnsACharacterSoTheColumnsLineUp() {
        String table = SummaryTable.render(List.of("file", "agency", "year"),
                List.of(List.of("000.txt", "盐池县花马池镇", "2024"), List.of("003.txt", "a", "2020")));

        assertThat(table).isEqualTo(
                "file     agency          year\n"
                        + "000.txt  盐池县花马池镇  2024\n"
                        + "003.txt  a               2020\n");
    }

    @Test
    void aReportRowShowsTheProvinceNameOrElseItsCodeAndAnUnreadValueAsADash() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var named = json.readTree("{\"agency\":\"中宁县白马乡\",\"year\":2023,\"template\":\"2021\",\"status\":\"ok\","
                + "\"division\":{\"provinceCode\":\"64\",\"provinceName\":\"宁夏回族自治区\"}}");
        var coded = json.readTree("{\"agency\":\"洪山镇人民政府\",\"year\":null,\"division\":{\"provinceCode\":\"42\",\"provinceName\":null}}");

        assertThat(DemoCommand.summary(Path.of("samples/004.txt"), named, 0))
                .containsExactly("004.txt", "中宁县白马乡", "2023", "宁夏回族自治区", "2021", "ok", "0");
        assertThat(DemoCommand.summary(Path.of("001.txt"), coded, 3))
                .containsExactly("001.txt", "洪山镇人民政府", "-", "42", "-", "-", "3");
    }
}
