package io.nianbao.parser.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

/** The plain-text shortcut past Tika's sniffing takes only what Tika would call text/plain. */
class TextSniffingTests {

    @Test
    void everyFixtureReportIsChineseTextThatTikaCallsPlainText() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> seeds = Files.list(Path.of("../samples/reports"));
                Stream<Path> real = Files.list(Path.of("../samples/real-reports"))) {
            fixtures = Stream.concat(seeds, real).filter(file -> file.toString().endsWith(".txt")).toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(5);
        for (Path fixture : fixtures) {
            byte[] bytes = Files.readAllBytes(fixture);

            assertThat(TextExtractor.isChineseTextFile(bytes, "report.txt")).as(fixture.toString()).isTrue();
            assertThat(tikaType(bytes, "report.txt")).as(fixture.toString()).isEqualTo(MediaType.TEXT_PLAIN);
        }
    }

    @Test
    void markupOrAPdfSignatureOrAnotherNameGoesToTika() {
        assertThat(TextExtractor.isChineseTextFile(utf8("政府信息公开<html><body>年度报告</body></html>"), "a.txt"))
                .isFalse();
        assertThat(TextExtractor.isChineseTextFile(utf8("年%PDF-1.7\n年度报告"), "a.txt")).isFalse();
        assertThat(TextExtractor.isChineseTextFile(utf8("政府信息公开工作年度报告"), "a.html")).isFalse();
        assertThat(TextExtractor.isChineseTextFile(utf8("政府信息公开工作年度报告"), null)).isFalse();
        assertThat(TextExtractor.isChineseTextFile(utf8("2024年政府信息公开工作年度报告"), "a.txt")).isFalse();
    }

    @Test
    void aByteOrderMarkAndAChineseTitleIsText() throws IOException {
        byte[] withBom = utf8("\uFEFF北京市2024年政府信息公开工作年度报告\n一、总体情况\n");

        assertThat(TextExtractor.isChineseTextFile(withBom, "a.TXT")).isTrue();
        assertThat(tikaType(withBom, "a.TXT")).isEqualTo(MediaType.TEXT_PLAIN);
    }

    @Test
    void controlBytesAreNotText() {
        assertThat(TextExtractor.isChineseTextFile(utf8("北京市\u0000\u0001年度报告"), "a.txt")).isFalse();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MediaType tikaType(byte[] bytes, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
            return TikaConfig.getDefaultConfig().getDetector().detect(in, metadata).getBaseType();
        }
    }
}
