package io.nianbao.parser.extract;

/**
 * A document's text with table rows as lines and cells separated by tabs (the form the seeds have).
 *
 * @param mediaType what the bytes are, sniffed by Tika
 * @param needsOcr  the document has pages but no text layer (a scan), and OCR did not read it: Tesseract is not
 *                  installed, or it read no text
 * @param readByOcr the text (or part of it) is Tesseract's reading of page images: figures may be misread
 * @param page      what a web page says about itself (meta tags, heading, title); {@link PageMetadata#NONE} otherwise
 */
public record ExtractedDocument(String text, String mediaType, boolean needsOcr, boolean readByOcr, PageMetadata page) {
    public static ExtractedDocument ofText(String text, String mediaType) {
        return new ExtractedDocument(text, mediaType, false, false, PageMetadata.NONE);
    }
}
