package io.nianbao.parser;

import static io.nianbao.parser.Seeds.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.ParsedReport;

/** The same report reaches the same fields whatever the bytes are; what is no report says so. */
class DocumentFormatsTests {
    private static final ReportParser PARSER = new ReportParser();

    @Test
    void gbkEncodedTextDecodesToTheSameReportAsUtf8() throws Exception {
        String text = Seeds.text("002");
        Charset gbk = Charset.forName("GBK");
        assertThat(gbk.newEncoder().canEncode(text)).isTrue();

        ParsedReport fromGbk = PARSER.parse(text.getBytes(gbk), SourceInfo.ofFile("report.txt"));
        ParsedReport fromUtf8 = PARSER.parse(Seeds.bytes("002"), SourceInfo.ofFile("report.txt"));

        assertThat(fromGbk.getSource().getMediaType()).isEqualTo("text/plain");
        assertThat(fromGbk.getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(fromGbk.getApplications()).isEqualTo(fromUtf8.getApplications());
        assertThat(fromGbk.getReview()).isEqualTo(fromUtf8.getReview());
        assertThat(fromGbk.getNarrative()).isEqualTo(fromUtf8.getNarrative());
    }

    @Test
    void htmlRenderingOfASeedReadsItsTablesFromTheCells() throws Exception {
        byte[] html = asHtml(Seeds.text("002")).getBytes(Charset.forName("GB18030"));

        ParsedReport report = PARSER.parse(html, SourceInfo.ofFile("report.html"));

        assertThat(report.getSource().getMediaType()).startsWith("text/html");
        assertThat(report.getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getApplications().getNewApplications()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(report.getApplications().getOtherHandling().getOther()).isEqualTo(Seeds.zeros());
        assertThat(report.getReview().getCorrected()).isEqualTo(1);
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(report.getWarnings()).isEmpty();
    }

    @Test
    void imageOnlyPdfIsKeptAsAReportThatNeedsOcr() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf);
        }

        ParsedReport report = PARSER.parse(pdf.toByteArray(), SourceInfo.ofFile("scan.pdf"));

        assertThat(report.getSource().getMediaType()).isEqualTo("application/pdf");
        assertThat(report.getCompleteness().getNeedsOcr()).isTrue();
        assertThat(report.getApplications()).isNull();
        assertThat(report.getYear()).isNull();
        assertThat(report.getWarnings()).singleElement().asString().contains("OCR");
    }

    @Test
    void randomProseIsNotAReport() {
        String prose = "今天天气很好，我们去公园散步。\n公园里有很多人在跑步、下棋和跳舞。\n晚上回家吃饭。";

        assertThatThrownBy(() -> PARSER.parse(prose.getBytes(Charset.forName("UTF-8")), SourceInfo.ofFile("x.txt")))
                .isInstanceOf(NotAReportException.class)
                .hasMessageContaining("No report title")
                .satisfies(e -> assertThat(((ReportParseException) e).errorType()).isEqualTo("NOT_A_REPORT"));
    }

    @Test
    void randomBytesAreAnUnreadableDocument() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> PARSER.parse(noise, SourceInfo.ofFile(null)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("No text could be extracted")
                .satisfies(e -> assertThat(((ReportParseException) e).errorType()).isEqualTo("UNREADABLE_DOCUMENT"));
    }

    @Test
    void corruptPdfIsAnUnreadableDocumentWithTheReason() {
        byte[] truncated = "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(Charset.forName("US-ASCII"));

        assertThatThrownBy(() -> PARSER.parse(truncated, SourceInfo.ofFile("broken.pdf")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("application/pdf");
    }

    /** The seed as an HTML page would carry it: tab-separated lines as table rows, the rest as paragraphs. */
    private static String asHtml(String text) {
        StringBuilder html = new StringBuilder(
                "<html><head><meta charset=\"gb18030\"><title>年报</title></head><body>\n");
        boolean inTable = false;
        for (String line : text.split("\n")) {
            boolean tableRow = line.contains("\t");
            if (tableRow && !inTable) {
                html.append("<table border=\"1\">\n");
            } else if (!tableRow && inTable) {
                html.append("</table>\n");
            }
            inTable = tableRow;
            if (tableRow) {
                html.append("<tr>");
                for (String cell : line.split("\t", -1)) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("</tr>\n");
            } else if (!line.isBlank()) {
                html.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        return html.append(inTable ? "</table>" : "").append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
