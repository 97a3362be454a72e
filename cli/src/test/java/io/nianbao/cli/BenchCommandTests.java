package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BenchCommandTests {

    @ParameterizedTest
    @CsvSource({
            "000_e70ccd0979ef1614.txt, 盐池县花马池镇",
            "002_205615ee8de7c4c5.txt, 孟津区白鹤镇人民政府",
            "003_1f886fd727df4157.txt, 盐池县惠安堡镇人民政府",
            "004_ee64489bfe665610.txt, 中宁县白马乡" })
    void aBenchmarkReportIsTheSampleUnderAnotherAgencyEverywhere(String sample, String agency) throws IOException {
        String text = Files.readString(Path.of("../samples/reports", sample), StandardCharsets.UTF_8);

        String renamed = BenchCommand.renamed(text, "基准测试县第00001镇");

        assertThat(renamed).doesNotContain(agency).contains("基准测试县第00001镇");
        assertThat(renamed.length() - text.length())
                .isEqualTo(count(text, agency) * ("基准测试县第00001镇".length() - agency.length()));
    }

    @Test
    void aTextWithoutATitledAgencyCannotBeRenamed() {
        assertThatThrownBy(() -> BenchCommand.renamed("没有标题", "X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayedDocumentIsDoneOnceReceivedAgainAfterTheReplayBeganAndStored() throws IOException {
        Instant replayStart = Instant.parse("2026-12-06T10:00:00Z");
        String receivedBefore = "{\"state\":\"received\",\"at\":\"2026-12-06T09:00:00Z\"}";
        String receivedAfter = "{\"state\":\"received\",\"at\":\"2026-12-06T10:00:01Z\"}";

        assertThat(BenchCommand.showsReplayStored(status("stored", receivedBefore, receivedAfter), replayStart)).isTrue();
        assertThat(BenchCommand.showsReplayStored(status("stored", receivedBefore), replayStart)).as("not replayed yet").isFalse();
        assertThat(BenchCommand.showsReplayStored(status("received", receivedBefore, receivedAfter), replayStart))
                .as("replay not parsed yet").isFalse();
    }

    private static JsonNode status(String status, String... events) throws IOException {
        return new ObjectMapper().readTree("{\"status\":\"" + status + "\",\"history\":[" + String.join(",", events) + "]}");
    }

    private static int count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }
}
