package io.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;
import io.nianbao.testsupport.MachineTool;

class RenderingTests {
    private static final LabelledReport REPORT_2021 = first("2021");
    private static final LabelledReport REPORT_2019 = first("2019");

    @Test
    void htmlPrintsTheTemplatesMergedCells() {
        String html = new String(Form.HTML.render(REPORT_2021), StandardCharsets.UTF_8);

        assertThat(html).contains("<td colspan=\"3\" rowspan=\"3\"><p>（本列数据的勾稽关系为")
                .contains("<td rowspan=\"22\"><p>三、本年度办理结果</p></td>")
                .contains("<td rowspan=\"8\"><p>（三）不予公开</p></td>")
                .contains("<td colspan=\"5\"><p>未经复议直接起诉</p></td>");
        assertThat(new String(Form.HTML.render(REPORT_2019), StandardCharsets.UTF_8))
                .contains("<td rowspan=\"20\"><p>三、本年度办理结果</p></td>")
                .contains("<p>政府集中采购</p>");
    }

    @Test
    void docxHoldsRealTablesWithHorizontalAndVerticalMerges() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Form.DOCX.render(REPORT_2021)))) {
            List<XWPFTable> tables = docx.getTables();

            assertThat(tables).hasSize(3);
            XWPFTable applications = tables.get(1);
            assertThat(applications.getNumberOfRows()).isEqualTo(3 + 25);
            String xml = applications.getCTTbl().xmlText();
            assertThat(xml).contains("gridSpan").contains("vMerge");
            assertThat(applications.getRow(3).getTableCells()).last()
                    .extracting(cell -> cell.getText())
                    .isEqualTo(String.valueOf(REPORT_2021.truth().getApplications().getNewApplications().get(6)));
        }
    }

    @Test
    void pdfHasATextLayerAndTheScanHasOnlyPixels() throws Exception {
        MachineTool.CJK_FONT.require(Form.PDF.available(), "rendering PDF and scans");
        int pages;
        try (PDDocument pdf = Loader.loadPDF(Form.PDF.render(REPORT_2019))) {
            String text = new PDFTextStripper().getText(pdf);
            pages = pdf.getNumberOfPages();

            assertThat(text).contains(REPORT_2019.truth().getTitle()).contains("政府集中采购");
        }
        BufferedImage scan = ImageIO.read(new ByteArrayInputStream(Form.SCAN.render(REPORT_2019)));
        assertThat(pages).isGreaterThan(1);
        assertThat(scan.getHeight() % pages).isZero();
        assertThat(scan.getHeight() / pages).isGreaterThan(scan.getWidth());
        // Each of the PDF's pages stacked as a page printed and scanned: white paper with dark ink on it.
        int pageHeight = scan.getHeight() / pages;
        for (int page = 0; page < pages; page++) {
            assertThat(inkShare(scan.getSubimage(0, page * pageHeight, scan.getWidth(), pageHeight)))
                    .as("page %d's share of dark pixels", page + 1).isBetween(0.001, 0.2);
        }
    }

    @Test
    void damagedTextKeepsEveryFigureButNotTheLayout() {
        String clean = new String(Form.TEXT.render(REPORT_2021), StandardCharsets.UTF_8);
        String damaged = new String(Form.DAMAGED_TEXT.render(REPORT_2021), StandardCharsets.UTF_8);

        assertThat(damaged).isNotEqualTo(clean).isEqualTo(new String(Form.DAMAGED_TEXT.render(REPORT_2021),
                StandardCharsets.UTF_8));
        String withoutFooters = damaged.replaceAll("\\n(— \\d+ —|第 \\d+ 页)\\n", "\n");
        assertThat(digits(withoutFooters.substring(withoutFooters.indexOf("三、收到"))))
                .isEqualTo(digits(clean.substring(clean.indexOf("三、收到"))));
    }

    @Test
    void corpusToolWritesEveryRenderingWithItsTruthFile(@TempDir Path dir) throws Exception {
        List<LabelledReport> reports = List.of(REPORT_2021);

        String table = CorpusTool.report(reports, List.of(Form.values()), dir, 1, 0);

        assertThat(table).contains("| form | reports |").contains("| HTML | 1 | 0 |");
        for (Form form : Form.values()) {
            // PDF and scans come last: without a font the forms before them are checked and the test is skipped.
            MachineTool.CJK_FONT.require(form.available(), "rendering " + form);
            Path rendering = dir.resolve(form.name().toLowerCase()).resolve(form.fileName(REPORT_2021));
            assertThat(rendering).exists();
            Map<?, ?> truth = new ObjectMapper().readValue(
                    Files.readString(rendering.resolveSibling(rendering.getFileName() + ".truth.json")), Map.class);
            assertThat(truth.get("form")).isEqualTo(form.name());
            Map<?, ?> expected = (Map<?, ?>) truth.get("expected");
            assertThat(expected.get("agency")).isEqualTo(REPORT_2021.truth().getAgency());
            assertThat(((Map<?, ?>) expected.get("applications")).get("newApplications"))
                    .isEqualTo(REPORT_2021.truth().getApplications().getNewApplications());
            assertThat(((Map<?, ?>) expected.get("source")).get("mediaType")).isEqualTo(form.mediaType());
        }
    }

    @Test
    void truthFileNamesTheInjections() throws Exception {
        LabelledReport injected = new ReportGenerator(3, 1).report(0);

        Map<?, ?> truth = new ObjectMapper().readValue(TruthFiles.json(injected, Form.TEXT,
                TruthFiles.truthOf(injected, Form.TEXT, 1)), Map.class);

        assertThat(truth.get("injections")).isEqualTo(List.of(injected.injections().get(0).ruleId()));
    }

    @Test
    void columnWiseTextPrintsSectionThreeOverTwoPagesAsLabelsThenFiguresColumnByColumn() {
        String text = new String(Form.COLUMN_WISE.render(REPORT_2021), StandardCharsets.UTF_8);
        List<String> lines = text.substring(text.indexOf("三、收到"), text.indexOf("四、政府信息公开行政复议")).lines()
                .filter(line -> !line.isBlank()).toList();
        List<Integer> figures = lines.stream().filter(line -> line.matches("\\d+")).map(Integer::valueOf).toList();
        List<Integer> firstRow = ApplicationRow.NEW_APPLICATIONS.valuesIn(REPORT_2021.truth().getApplications());
        int footer = lines.indexOf(lines.stream().filter(line -> line.matches("- \\d+ -")).findFirst().orElseThrow());
        int rows = Template.Y2021.applicationRows().size();

        assertThat(figures).hasSize(rows * 7);
        assertThat(lines).noneMatch(line -> line.matches(".*\\D\\d+$") && !line.matches("- \\d+ -"));
        assertThat(footer).isPositive();
        // Page one's 自然人 column starts with newApplications' first cell and its 总计 column with its total.
        int pageOneCount = (int) lines.subList(footer, lines.size()).stream().takeWhile(line -> line.matches(
                "- \\d+ -|\\d+")).filter(line -> line.matches("\\d+")).count();
        assertThat(pageOneCount % 7).isZero();
        assertThat(figures.get(0)).isEqualTo(firstRow.get(0));
        assertThat(figures.get(pageOneCount / 7 * 6)).isEqualTo(firstRow.get(6));
    }

    private static double inkShare(BufferedImage page) {
        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                dark += (page.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return (double) dark / ((long) page.getWidth() * page.getHeight());
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    @Test
    void halfTheCmsPagesLeaveZerosAndTheResultRowsTotalsBlankAndTheParserReadsThoseAsNull() throws Exception {
        List<LabelledReport> reports = new ReportGenerator(5, 0).reports(20);
        List<LabelledReport> blank = reports.stream()
                .filter(report -> Form.CMS_HTML.printedTruth(report) != report.truth()).toList();
        assertThat(blank).hasSizeBetween(4, 16);

        LabelledReport report = blank.get(0);
        var printed = Form.CMS_HTML.printedTruth(report).getApplications();
        assertThat(report.truth().getApplications().getGranted().get(6)).isPositive();
        assertThat(printed.getGranted().get(6)).as("a result row's 总计 left blank").isNull();
        assertThat(printed.getTotalProcessed().get(6)).as("（七）总计 is printed").isPositive();
        String html = new String(Form.CMS_HTML.render(report), StandardCharsets.UTF_8);
        assertThat(html).contains("'>&nbsp;</span></p></td>");

        ParsedReport parsed = new ReportParser().parse(Form.CMS_HTML.render(report),
                SourceInfo.ofFile(Form.CMS_HTML.fileName(report)));
        assertThat(parsed.getApplications().getGranted()).isEqualTo(printed.getGranted());
        assertThat(parsed.getApplications().getTotalProcessed()).isEqualTo(printed.getTotalProcessed());
        CellScore score = CellScore.compare(Form.CMS_HTML.printedTruth(report), parsed);
        assertThat(score.invented()).isZero();
        assertThat(score.accuracy()).isEqualTo(1.0);
    }

    @Test
    void markdownFloatsSectionTwosNotedCellsOutOfTheirRowsAndTheParserPutsThemBack() throws Exception {
        LabelledReport report = new ReportGenerator(5, 0).reports(20).stream()
                .filter(candidate -> candidate.truth().getTemplate().equals("2021"))
                .filter(candidate -> candidate.truth().getActive().getNormativeDocuments().getIssued() >= 2)
                .findFirst().orElseThrow();
        var documents = report.truth().getActive().getNormativeDocuments();
        String markdown = new String(Form.MARKDOWN.render(report), StandardCharsets.UTF_8);
        String row = markdown.lines().filter(line -> line.startsWith("| 行政规范性文件 |")).findFirst().orElseThrow();

        assertThat(markdown).contains("\n" + documents.getIssued() + "\n（其中修订 " + documents.getIssued() / 2 + " 件）\n");
        assertThat(row.split("\\|")).as("the label and fewer figures than three columns").hasSizeLessThan(5);
        ParsedReport parsed = new ReportParser().parse(Form.MARKDOWN.render(report),
                SourceInfo.ofFile(Form.MARKDOWN.fileName(report)));
        assertThat(parsed.getActive().getNormativeDocuments()).isEqualTo(documents);
    }

    private static LabelledReport first(String template) {
        return new ReportGenerator(5, 0).reports(20).stream()
                .filter(report -> report.truth().getTemplate().equals(template)).findFirst().orElseThrow();
    }
}
