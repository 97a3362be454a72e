package io.nianbao.parser.extract;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * A scanned page enlarged for Tesseract. Scans of annual reports are often 150 DPI or less, where a table's 「+3」
 * reads as 「43」; Tesseract reads them right at some 300 DPI. PDF pages get that from the OCR rendering resolution;
 * an image is scaled here, up to an A4 page's width at 300 DPI and never past a bounded number of pixels.
 */
final class ScanImages {
    /** An A4 page's width at 300 DPI. */
    private static final int TARGET_WIDTH = 2480;
    private static final double MAX_SCALE = 3;
    /** Pixels of the enlarged image: some 50 MB of grey, the most one parse may hold for it. */
    private static final long MAX_PIXELS = 50_000_000L;

    private ScanImages() {
    }

    /** @return the image enlarged as a grey PNG, or the bytes as they are when no enlargement is needed or possible */
    static byte[] forOcr(byte[] image) {
        try {
            BufferedImage page = ImageIO.read(new ByteArrayInputStream(image));
            if (page == null || page.getWidth() >= TARGET_WIDTH) {
                return image;
            }
            double scale = Math.min(MAX_SCALE, (double) TARGET_WIDTH / page.getWidth());
            int width = (int) Math.round(page.getWidth() * scale);
            int height = (int) Math.round(page.getHeight() * scale);
            if ((long) width * height > MAX_PIXELS) {
                return image;
            }
            BufferedImage enlarged = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = enlarged.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(page, 0, 0, width, height, null);
            graphics.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(enlarged, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException unreadable) {
            // Tika reports what it cannot read, with its own reason.
            return image;
        }
    }
}
