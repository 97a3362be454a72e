package io.nianbao.parser.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;

class OcrPagesTests {
    private final OcrPages withTesseract = new OcrPages(true);

    @Test
    void textPdfHasNoPageToOcr() throws IOException {
        assertThat(withTesseract.count(pdf(Page.TEXT, Page.TEXT, Page.TEXT), "report.pdf")).isZero();
    }

    @Test
    void everyPageOfAScannedPdfMayBeOcred() throws IOException {
        assertThat(withTesseract.count(pdf(Page.SCAN, Page.SCAN, Page.SCAN), "report.pdf")).isEqualTo(3);
    }

    @Test
    void onlyTheScannedPagesOfAMixedPdfCount() throws IOException {
        assertThat(withTesseract.count(pdf(Page.TEXT, Page.SCAN, Page.TEXT), "report.pdf")).isEqualTo(1);
    }

    @Test
    void scanWithAPrintedPageNumberStillCounts() throws IOException {
        // Tika OCRs a page with fewer than 10 characters of text: a number over a scan does not make it a text page.
        assertThat(withTesseract.count(pdf(Page.NUMBERED_SCAN), "report.pdf")).isEqualTo(1);
    }

    @Test
    void scanDrawnInsideAFormXObjectCounts() throws IOException {
        assertThat(withTesseract.count(pdf(Page.NUMBERED_SCAN_IN_FORM, Page.TEXT), "report.pdf")).isEqualTo(1);
    }

    @Test
    void imageIsOnePage() throws IOException {
        assertThat(withTesseract.count(png(), "scan.png")).isEqualTo(1);
        assertThat(withTesseract.count(png(), null)).isEqualTo(1);
    }

    @Test
    void textAndHtmlHaveNoPageToOcr() {
        assertThat(withTesseract.count("二〇二四年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8), "report.txt"))
                .isZero();
        assertThat(withTesseract.count("<html><body><p>年度报告</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "report.html")).isZero();
    }

    @Test
    void malformedPdfCountsNothing() throws IOException {
        byte[] scan = pdf(Page.SCAN, Page.SCAN);
        byte[] truncated = Arrays.copyOf(scan, 300);

        assertThat(withTesseract.count(truncated, "report.pdf")).isZero();
        assertThat(withTesseract.count("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII), "report.pdf"))
                .isZero();
    }

    @Test
    void withoutTesseractNothingIsOcred() throws IOException {
        OcrPages withoutTesseract = new OcrPages(false);

        assertThat(withoutTesseract.count(pdf(Page.SCAN, Page.SCAN, Page.SCAN), "report.pdf")).isZero();
        assertThat(withoutTesseract.count(png(), "scan.png")).isZero();
    }

    private enum Page {
        TEXT, SCAN, NUMBERED_SCAN, NUMBERED_SCAN_IN_FORM
    }

    private static byte[] pdf(Page... pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Page kind : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    switch (kind) {
                        case TEXT -> text(content, "Annual report on government information disclosure");
                        case SCAN -> content.drawImage(LosslessFactory.createFromImage(document, page()), 0, 0);
                        case NUMBERED_SCAN -> {
                            content.drawImage(LosslessFactory.createFromImage(document, page()), 0, 0);
                            text(content, "3");
                        }
                        case NUMBERED_SCAN_IN_FORM -> {
                            content.drawForm(formDrawing(document));
                            text(content, "3");
                        }
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, String text) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
    }

    /** A form XObject that draws a scanned page: some producers wrap every page so. */
    private static PDFormXObject formDrawing(PDDocument document) throws IOException {
        // An appearance stream is a form XObject PDFBox can write a content stream into.
        PDAppearanceStream form = new PDAppearanceStream(document);
        form.setBBox(PDRectangle.A4);
        form.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, form)) {
            content.drawImage(LosslessFactory.createFromImage(document, page()), 0, 0);
        }
        return form;
    }

    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.drawLine(20, 40, 180, 40);
        graphics.dispose();
        return image;
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page(), "png", out);
        return out.toByteArray();
    }
}
