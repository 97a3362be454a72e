package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeSnifferTests {
    static final Path SEEDS = Path.of("../samples/reports");
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

    static Stream<Path> seeds() throws IOException {
        return Files.list(SEEDS).filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedReportIsPlainText(Path seed) throws IOException {
        assertThat(sniffer.sniff(Files.readAllBytes(seed))).isEqualTo(MediaTypeSniffer.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "GB18030"})
    void seedReportInAChineseLegacyEncodingIsPlainText(String charset) throws IOException {
        String text = Files.readString(seeds().findFirst().orElseThrow());

        assertThat(sniffer.sniff(text.getBytes(Charset.forName(charset)))).isEqualTo(MediaTypeSniffer.TEXT);
    }

    @Test
    void textCutInTheMiddleOfACharacterIsStillText() {
        byte[] utf8 = "盐池县花马池镇政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8);

        assertThat(sniffer.sniff(Arrays.copyOf(utf8, utf8.length - 1))).isEqualTo(MediaTypeSniffer.TEXT);
    }

    @Test
    void textWithPipeTablesIsMarkdownAndAccepted() {
        String markdown = "2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n"
                + "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 22 |\n";

        assertThat(sniffer.sniff(markdown.getBytes(StandardCharsets.UTF_8))).isEqualTo(MediaTypeSniffer.MARKDOWN);
        assertThat(sniffer.sniff("规章 | 22 | 235\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(MediaTypeSniffer.TEXT);
    }

    @Test
    void pdfHeaderIsPdf() {
        assertThat(sniffer.sniff("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(MediaTypeSniffer.PDF);
    }

    @Test
    void htmlPageIsHtml() {
        String page = "\n<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head>"
                + "<body><table><tr><td>0</td></tr></table></body></html>";

        assertThat(sniffer.sniff(page.getBytes(StandardCharsets.UTF_8))).isEqualTo(MediaTypeSniffer.HTML);
    }

    @Test
    void xhtmlPageIsXhtml() {
        String page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>年报</body></html>";

        assertThat(sniffer.sniff(page.getBytes(StandardCharsets.UTF_8))).isEqualTo(MediaTypeSniffer.XHTML);
    }

    @Test
    void wordPackageIsDocx() throws IOException {
        byte[] docx = zip(Map.of(
                "[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml", "<w:document/>"));

        assertThat(sniffer.sniff(docx)).isEqualTo(MediaTypeSniffer.DOCX);
    }

    @Test
    void ole2FileWithAWordStreamIsDoc() {
        byte[] doc = new byte[2048];
        System.arraycopy(OLE2_MAGIC, 0, doc, 0, OLE2_MAGIC.length);
        byte[] stream = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(stream, 0, doc, 1024, stream.length);

        assertThat(sniffer.sniff(doc)).isEqualTo(MediaTypeSniffer.DOC);
    }

    @Test
    void spreadsheetPackageIsRefused() throws IOException {
        byte[] xlsx = zip(Map.of("[Content_Types].xml", "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"));

        assertRefused(xlsx);
    }

    @Test
    void zipGarbageIsRefused() throws IOException {
        assertRefused(zip(Map.of("readme.txt", "not a report")));
        assertRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    }

    @Test
    void pngIsRefusedWithTheAcceptedTypesNamed() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);

        assertThatThrownBy(() -> sniffer.sniff(png))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.UNSUPPORTED_MEDIA_TYPE))
                .hasMessageContaining("image/png")
                .hasMessageContaining("text/plain")
                .hasMessageContaining("application/pdf")
                .hasMessageContaining(MediaTypeSniffer.DOCX);
    }

    @Test
    void binaryWithoutMagicIsRefused() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertRefused(noise);
    }

    private void assertRefused(byte[] content) {
        assertThatThrownBy(() -> sniffer.sniff(content))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.UNSUPPORTED_MEDIA_TYPE));
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
