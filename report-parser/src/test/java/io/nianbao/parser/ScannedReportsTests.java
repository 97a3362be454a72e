package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.parser.extract.TextExtractor;
import io.nianbao.schema.ParsedReport;
import io.nianbao.testsupport.MachineTool;

/**
 * Scans go through Tesseract (chi_sim+eng, through Tika): a seed printed to an image, alone or as an image-only PDF,
 * reads back with the figures its text has, and says it was read by OCR. Needs Tesseract with chi_sim and a CJK font
 * ({@link MachineTool}: skipped without them, failed under CI).
 */
class ScannedReportsTests {
    private static final ReportParser PARSER = new ReportParser();
    /** A wide table page at some 200 DPI: the longest row label of the seed fits before the figures. */
    private static final int WIDTH = 2400;
    private static final int LINE_HEIGHT = 40;
    private static final int MARGIN = 40;
    private static final int LABEL_WIDTH = 1360;
    private static final int CELL_WIDTH = 140;
    private static final Pattern NUMBER = Pattern.compile("[+\\-]?[\\d,.]+");
    private static final int WRAP = 80;

    /** Per test, not per class: surefire counts a skipped test, but not a class skipped before its tests. */
    @BeforeEach
    void needsTesseractAndAFont() {
        MachineTool.TESSERACT_CHI_SIM.require(TextExtractor.ocrAvailable(), "reading scans");
        MachineTool.CJK_FONT.require(cjkFont().isPresent(), "printing a seed to a scan");
    }

    @Test
    void scannedImageOfASeedReadsBackItsFigures() throws Exception {
        ParsedReport fromScan = PARSER.parse(png(scan(Seeds.text("002"))), SourceInfo.ofFile("scan.png"));

        assertThat(fromScan.getSource().getMediaType()).isEqualTo("image/png");
        assertReadsLikeTheSeedText(fromScan);
    }

    @Test
    void imageOnlyPdfOfASeedIsOcredPageByPage() throws Exception {
        ParsedReport fromScan = PARSER.parse(imageOnlyPdf(scan(Seeds.text("002"))), SourceInfo.ofFile("scan.pdf"));

        assertThat(fromScan.getSource().getMediaType()).isEqualTo("application/pdf");
        assertReadsLikeTheSeedText(fromScan);
    }

    private static void assertReadsLikeTheSeedText(ParsedReport fromScan) throws Exception {
        ParsedReport fromText = PARSER.parse(Seeds.bytes("002"), SourceInfo.ofFile("report.txt"));
        assertThat(fromScan.getCompleteness().getNeedsOcr()).isFalse();
        assertThat(fromScan.getWarnings()).contains(ReportParser.OCR_WARNING);
        assertThat(fromScan.getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(fromScan.getYear()).isEqualTo(fromText.getYear());
        assertThat(fromScan.getTemplate()).isEqualTo("2021");
        assertThat(fromScan.getActive()).isEqualTo(fromText.getActive());
        assertThat(fromScan.getApplications()).isEqualTo(fromText.getApplications());
        assertThat(fromScan.getReview()).isEqualTo(fromText.getReview());
        assertThat(fromScan.getLitigationDirect()).isEqualTo(fromText.getLitigationDirect());
    }

    /** The seed as a printed page: each table row's label, then its cells in columns; prose wrapped. */
    private static BufferedImage scan(String text) {
        String[] lines = text.lines().flatMap(line -> line.contains("\t") ? java.util.stream.Stream.of(line)
                : Arrays.stream(wrap(line))).toArray(String[]::new);
        BufferedImage page = new BufferedImage(WIDTH, LINE_HEIGHT * (lines.length + 2), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = page.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, page.getWidth(), page.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(cjkFont().orElseThrow().deriveFont(26f));
        for (int i = 0; i < lines.length; i++) {
            int y = LINE_HEIGHT * (i + 1) + 8;
            String[] cells = lines[i].split("\t");
            StringBuilder label = new StringBuilder();
            Arrays.stream(cells).filter(cell -> !NUMBER.matcher(cell.strip()).matches()).forEach(label::append);
            graphics.drawString(label.toString().strip(), MARGIN, y);
            // Section 四's row of fifteen figures has no label: it starts at the margin.
            int x = label.toString().isBlank() ? MARGIN : LABEL_WIDTH;
            for (String cell : cells) {
                if (NUMBER.matcher(cell.strip()).matches()) {
                    graphics.drawString(cell.strip(), x, y);
                    x += CELL_WIDTH;
                }
            }
        }
        graphics.dispose();
        return page;
    }

    private static String[] wrap(String line) {
        int parts = Math.max(1, (line.length() + WRAP - 1) / WRAP);
        String[] wrapped = new String[parts];
        for (int i = 0; i < parts; i++) {
            wrapped[i] = line.substring(i * WRAP, Math.min(line.length(), (i + 1) * WRAP));
        }
        return wrapped;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The image on A4 pages, cut into page-high slices: no text layer at all. */
    private static byte[] imageOnlyPdf(BufferedImage image) throws IOException {
        int sliceHeight = (int) (WIDTH * PDRectangle.A4.getHeight() / PDRectangle.A4.getWidth());
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int top = 0; top < image.getHeight(); top += sliceHeight) {
                BufferedImage slice = image.getSubimage(0, top, image.getWidth(),
                        Math.min(sliceHeight, image.getHeight() - top));
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float scale = PDRectangle.A4.getWidth() / slice.getWidth();
                    content.drawImage(LosslessFactory.createFromImage(document, slice), 0,
                            PDRectangle.A4.getHeight() - slice.getHeight() * scale, PDRectangle.A4.getWidth(),
                            slice.getHeight() * scale);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static Optional<Font> cjkFont() {
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .filter(font -> font.canDisplayUpTo("政府信息公开工作年度报告") == -1)
                .findFirst();
    }
}
