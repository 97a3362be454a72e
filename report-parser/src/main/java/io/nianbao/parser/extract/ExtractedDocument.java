package io.nianbao.parser.extract;

/**
 * A document's text with table rows as lines and cells separated by tabs (the form the seeds have).
 *
 * @param mediaType what the bytes are, sniffed by Tika
 * @param needsOcr  the document has pages but no text layer (a scan): only OCR could read it
 */
public record ExtractedDocument(String text, String mediaType, boolean needsOcr) {
}
