package io.nianbao.parser;

import static io.nianbao.parser.Seeds.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
    void htmlCellsPrintingADashOrNoneAreNullEachWithItsWarning() throws Exception {
        String text = Seeds.text("002").replace("规章\t0\t0\t0", "规章\t—\t0\t无")
                .replace("(一) 予以公开\t1\t0\t0\t0\t0\t0\t1", "(一) 予以公开\t1\t/\t0\t0\t0\t0\t1");

        ParsedReport report = PARSER.parse(asHtml(text).getBytes(Charset.forName("GB18030")),
                SourceInfo.ofFile("report.html"));

        assertThat(report.getActive().getRegulations().getIssued()).isNull();
        assertThat(report.getActive().getRegulations().getRepealed()).isZero();
        assertThat(report.getActive().getRegulations().getInForce()).isNull();
        assertThat(report.getApplications().getGranted()).isEqualTo(row(1, null, 0, 0, 0, 0, 1));
        assertThat(report.getWarnings()).containsExactlyInAnyOrder(
                "PLACEHOLDER_CELL active.regulations.issued '—': the cell prints a dash or 无 instead of a figure; it is"
                        + " null.",
                "PLACEHOLDER_CELL active.regulations.inForce '无': the cell prints a dash or 无 instead of a figure; it"
                        + " is null.",
                "PLACEHOLDER_CELL applications.granted[1] '/': the cell prints a dash or 无 instead of a figure; it is"
                        + " null.");
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200 - 3);
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
    void aMarkdownConversionWithSectionThreesTableButNoTitleOrHeadingsIsAReportWhoseAgencyIsNullAndSaidSo()
            throws Exception {
        String markdown = "正文\n本年度报告根据条例编制。\n"
                + "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
                + "|---|---|---|---|---|---|---|---|\n"
                + "| 一、本年新收政府信息公开申请数量 | 12 | 1 | 0 | 0 | 0 | 0 | 13 |\n"
                + "| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
                + "— 4 —\n"
                + "| （七）总计 | 14 | 1 | 0 | 0 | 0 | 0 | 15 |\n|---|---|---|---|---|---|---|---|\n";

        ParsedReport report = PARSER.parse(markdown.getBytes(StandardCharsets.UTF_8), SourceInfo.ofFile("report.md"));

        assertThat(report.getApplications().getNewApplications()).containsExactly(12, 1, 0, 0, 0, 0, 13);
        assertThat(report.getApplications().getTotalProcessed()).containsExactly(14, 1, 0, 0, 0, 0, 15);
        assertThat(report.getAgency()).isNull();
        assertThat(report.getWarnings()).contains("No agency could be read from the title.")
                .anyMatch(w -> w.startsWith("Section 三's heading was not found"));
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
    void anOfdPackageIsAnUnreadableDocumentThatSaysItIsOfd() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" DocType=\"OFD\"/>".getBytes(UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Doc_0/Document.xml"));
            zip.write("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(UTF_8));
        }

        assertThatThrownBy(() -> PARSER.parse(bytes.toByteArray(), SourceInfo.ofFile("report.ofd")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("OFD document (GB/T 33190");
    }

    @Test
    void aWpsFileThatIsAWordBinaryInsideIsReadAsWord() throws Exception {
        byte[] word;
        try (InputStream in = DocumentFormatsTests.class.getResourceAsStream("/word/seed-002.doc")) {
            word = in.readAllBytes();
        }

        ParsedReport report = PARSER.parse(word, SourceInfo.ofFile("年度报告.wps"));

        assertThat(report.getApplications().getNewApplications()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void aWpsFileThatIsNoWordBinaryIsAnUnreadableDocumentThatSaysItIsWps() {
        byte[] ole2Header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] wps = new byte[1024];
        System.arraycopy(ole2Header, 0, wps, 0, ole2Header.length);

        assertThatThrownBy(() -> PARSER.parse(wps, SourceInfo.ofFile("年度报告.wps")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("WPS document (Kingsoft WPS Writer)");
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

    @Test
    void aDocumentWithFarMoreTextThanAnyReportIsRefusedWithItsReasonRatherThanHeldInMemory() {
        String page = "<html><body><p>" + "政府信息公开".repeat(340_000) + "</p></body></html>";

        assertThatThrownBy(() -> PARSER.parse(page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SourceInfo.ofFile("huge.html")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("characters");
        assertThatThrownBy(() -> PARSER.parse("公开 ".repeat(700_000).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SourceInfo.ofFile("huge.txt")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("characters");
    }

    @Test
    void htmlTableWithVerticalRowspanLabelsIsReadAsItsGrid() throws Exception {
        ParsedReport report = PARSER.parse(spannedHtml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SourceInfo.ofFile("report.html"));

        assertThat(report.getAgency()).isEqualTo("淮安市人民政府");
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(Seeds.rows2021(report.getApplications())).isEqualTo(RealReportsTests.HUAIAN_2024);
        assertThat(report.getWarnings()).noneMatch(w -> w.startsWith("Section 三"));
    }

    /** 001's section 三 laid out as sites do: merged label cells over rows and columns. */
    private static String spannedHtml() {
        List<String> labels = List.of("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "(一)予以公开",
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "(七)总计",
                "四、结转下年度继续办理");
        Map<Integer, String> groupStarts = Map.of(4, "<td rowspan=\"8\">(三)不予公开</td>", 12,
                "<td rowspan=\"3\">(四)无法提供</td>", 15, "<td rowspan=\"5\">(五)不予处理</td>", 20,
                "<td rowspan=\"3\">(六)其他处理</td>");
        StringBuilder html = new StringBuilder("<html><head><title>x</title></head><body><p>淮安市人民政府</p>"
                + "<p>2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>略。</p>"
                + "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
                + "<td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>11</td></tr></table>"
                + "<p>三、收到和处理政府信息公开申请情况</p><table>"
                + "<tr><td colspan=\"3\" rowspan=\"3\">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td>"
                + "<td colspan=\"7\">申请人情况</td></tr><tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td>"
                + "<td rowspan=\"2\">总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
                + "<td>法律服务机构</td><td>其他</td></tr>");
        for (int r = 0; r < labels.size(); r++) {
            html.append("<tr>");
            boolean topLevel = r < 2 || r == labels.size() - 1;
            if (r == 2) {
                html.append("<td rowspan=\"22\">三、本年度办理结果</td>");
            }
            if (topLevel) {
                html.append("<td colspan=\"3\">").append(labels.get(r)).append("</td>");
            } else if (r < 4 || r == labels.size() - 2) {
                html.append("<td colspan=\"2\">").append(labels.get(r)).append("</td>");
            } else {
                html.append(groupStarts.getOrDefault(r, "")).append("<td>").append(labels.get(r)).append("</td>");
            }
            for (Integer cell : RealReportsTests.HUAIAN_2024.get(r)) {
                html.append("<td>").append(cell).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>"
                + "<p>略。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>").toString();
    }
}
