package io.nianbao.parser.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.tika.mime.MediaType;

import io.nianbao.parser.UnreadableDocumentException;

/**
 * How many pages of a document Tesseract may have to read when {@link TextExtractor} extracts it: what a time bound
 * for the parse must allow for, counted before the parse and cheaply. 0 where Tesseract is not installed and for
 * anything but a PDF or an image; the image's pages for an image (1, or a multi-page TIFF's frames); for a PDF, the
 * pages that may lack a usable text layer.
 * <p>
 * A PDF page is counted from its resources alone, without reading its content stream: when it uses no font (it
 * cannot show text, so Tika's AUTO strategy OCRs it) or when it draws an image (a scan, perhaps under an invisible
 * text layer or a printed page number). That is an upper bound: a text page carrying a logo or a seal counts too,
 * and costs the bound some slack, never a parse. Extracting each page's text to decide as Tika does would read a
 * text PDF twice.
 * <p>
 * Never fails: bytes that do not read as a PDF count 0, and the parse itself reports what is wrong with them.
 */
public final class OcrPages {
    private static final MediaType PDF = MediaType.application("pdf");
    private static final MediaType TIFF = MediaType.image("tiff");
    /** Form XObjects nest; a malicious PDF could nest them without end. */
    private static final int MAX_FORM_DEPTH = 8;

    private final boolean ocrAvailable;

    /** @param ocrAvailable whether Tesseract reads scans here ({@link TextExtractor#ocrAvailable()}) */
    public OcrPages(boolean ocrAvailable) {
        this.ocrAvailable = ocrAvailable;
    }

    /** As OCR stands on this machine. */
    public static OcrPages onThisMachine() {
        return new OcrPages(TextExtractor.ocrAvailable());
    }

    /** @param fileName the name the document arrived with, a hint for detection only; may be null */
    public int count(byte[] content, String fileName) {
        if (!ocrAvailable || TextExtractor.isChineseTextFile(content, fileName)) {
            return 0;
        }
        MediaType type;
        try {
            type = TextExtractor.detect(content, fileName).getBaseType();
        } catch (UnreadableDocumentException e) {
            return 0;
        }
        if (type.equals(PDF)) {
            return pdfPagesWithoutText(content);
        }
        if (type.equals(TIFF)) {
            return Math.max(1, tiffFrames(content));
        }
        return type.getType().equals("image") ? 1 : 0;
    }

    private static int pdfPagesWithoutText(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            int pages = 0;
            for (PDPage page : document.getPages()) {
                PageResources uses = new PageResources();
                uses.collect(page.getResources(), 0, new HashSet<>());
                if (!uses.fonts || uses.images) {
                    pages++;
                }
            }
            return pages;
        } catch (IOException | RuntimeException malformed) {
            return 0;
        }
    }

    /** Whether a page (with the forms it draws) has fonts and images among its resources. */
    private static final class PageResources {
        private boolean fonts;
        private boolean images;

        void collect(PDResources resources, int depth, Set<Object> seen) throws IOException {
            if (resources == null || depth > MAX_FORM_DEPTH || !seen.add(resources.getCOSObject())) {
                return;
            }
            fonts |= resources.getFontNames().iterator().hasNext();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    images = true;
                } else {
                    PDXObject object = resources.getXObject(name);
                    if (object instanceof PDFormXObject form) {
                        collect(form.getResources(), depth + 1, seen);
                    }
                }
            }
        }
    }

    private static int tiffFrames(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return 1;
        }
    }
}
