package io.nianbao.corpus.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A scanned report: the PDF's pages rendered to grey pixels and stacked into one PNG, no text layer left. */
final class ScanRenderer {
    /** Enough for OCR of 6-point table text, small enough to keep a corpus quick to write. */
    private static final float DPI = 150;

    private ScanRenderer() {
    }

    static byte[] render(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                pages.add(renderer.renderImageWithDPI(page, DPI, ImageType.GRAY));
            }
            int width = pages.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
            int height = pages.stream().mapToInt(BufferedImage::getHeight).sum();
            BufferedImage scan = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = scan.createGraphics();
            int y = 0;
            for (BufferedImage page : pages) {
                graphics.drawImage(page, 0, y, null);
                y += page.getHeight();
            }
            graphics.dispose();
            ImageIO.write(scan, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
