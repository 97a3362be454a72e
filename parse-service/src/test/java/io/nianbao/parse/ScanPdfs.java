package io.nianbao.parse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Scanned PDFs: each page one image filling an A4 page, no text layer. */
public final class ScanPdfs {
    private ScanPdfs() {
    }

    public static byte[] of(List<BufferedImage> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0,
                            PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Black pages: what a budget counts, not what OCR reads. */
    public static byte[] blank(int pages) {
        return of(Collections.nCopies(pages, new BufferedImage(210, 297, BufferedImage.TYPE_BYTE_GRAY)));
    }
}
