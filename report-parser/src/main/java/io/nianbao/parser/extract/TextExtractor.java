package io.nianbao.parser.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

import io.nianbao.parser.UnreadableDocumentException;

/**
 * Bytes → text, with the media type sniffed from the bytes. Plain text is decoded here, not by Tika's guesser:
 * strict UTF-8 first, else GB18030 (the superset of GB2312 and GBK that Chinese government sites use). HTML is
 * decoded the same way and read as its table grid ({@link HtmlTables}); DOCX and DOC too ({@link WordTables}).
 * Everything else (PDF, images …) goes through Tika's AutoDetectParser; embedded files are not parsed. Text is bounded: no report is megabytes of text.
 */
public final class TextExtractor {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();
    /** Text kept from one document; an annual report has some 10,000–50,000 characters. */
    static final int MAX_TEXT_CHARACTERS = 2_000_000;
    private static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType DOC = MediaType.application("msword");
    private static final MediaType MARKDOWN = MediaType.text("markdown");
    /** How far into a file Tika looks for {@code %}-led signatures ({@code %PDF-} within the first 512 bytes). */
    private static final int SIGNATURE_BYTES = 1024;

    private static final String OCR_LANGUAGES = "chi_sim+eng";
    /** Scanned pages are rendered at this resolution for OCR: 6-point table figures stay legible. */
    private static final int OCR_DPI = 300;
    /** One page's OCR; parse-service bounds the whole parse besides. */
    private static final int OCR_TIMEOUT_SECONDS = 120;
    private static final boolean OCR_AVAILABLE = tesseractWithChinese();

    private static final Detector DETECTOR = TIKA.getDetector();
    private final AutoDetectParser parser = new AutoDetectParser(TIKA);

    /** @param fileName the name the document arrived with, a hint for detection only; may be null */
    public ExtractedDocument extract(byte[] content, String fileName) throws UnreadableDocumentException {
        if (isChineseTextFile(content, fileName)) {
            return plainText(content, MediaType.TEXT_PLAIN);
        }
        MediaType type = detect(content, fileName);
        if (isPlainText(type) || (type.equals(MediaType.OCTET_STREAM) && looksLikeText(content))) {
            return plainText(content, isMarkdown(type) ? MARKDOWN : MediaType.TEXT_PLAIN);
        }
        if (isHtml(type)) {
            // The page's own grid, not Tika's flattening: rowspan labels and colspan values need the grid.
            return html(type, content);
        }
        if (type.equals(DOCX)) {
            return structured(type, () -> WordTables.docx(content, MAX_TEXT_CHARACTERS));
        }
        if (type.equals(DOC)) {
            return structured(type, () -> WordTables.doc(content, MAX_TEXT_CHARACTERS));
        }
        if (isWps(type, fileName)) {
            // Kingsoft WPS Writer files are Word binaries inside; Tika takes them for Microsoft Works.
            return wps(type, content);
        }
        if (isOfd(type, content)) {
            throw new UnreadableDocumentException("An OFD document (GB/T 33190, the national fixed-layout format): "
                    + "nianbao cannot read OFD yet; a PDF, Word or HTML version of the report is needed.", null);
        }
        TableTextHandler handler = new TableTextHandler(MAX_TEXT_CHARACTERS);
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        byte[] document = OCR_AVAILABLE && type.getType().equals("image") ? ScanImages.forOcr(content) : content;
        try (InputStream in = TikaInputStream.get(document)) {
            parser.parse(in, handler, metadata, ocrContext());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new UnreadableDocumentException("Could not read the " + type + " document: " + describe(e), e);
        }
        String text = handler.text();
        boolean readByOcr = wasOcred(metadata);
        if (!text.isBlank()) {
            return new ExtractedDocument(text, type.toString(), false, readByOcr, PageMetadata.NONE);
        }
        if (type.getType().equals("image") || type.equals(MediaType.application("pdf"))) {
            return new ExtractedDocument("", type.toString(), true, readByOcr, PageMetadata.NONE);
        }
        throw new UnreadableDocumentException("No text could be extracted from the " + type + " document.", null);
    }

    /** Plain text or Markdown; a text holding pipe tables (Markdown, or text pasted from it) is read as its grids. */
    private static ExtractedDocument plainText(byte[] content, MediaType type) throws UnreadableDocumentException {
        String text = decodeText(content);
        if (text.length() > MAX_TEXT_CHARACTERS) {
            throw new UnreadableDocumentException("The text holds " + text.length() + " characters, more than the "
                    + MAX_TEXT_CHARACTERS + " of any annual report.", null);
        }
        if (MarkdownTables.hasPipeTable(text)) {
            return structured(type, () -> MarkdownTables.text(text, MAX_TEXT_CHARACTERS));
        }
        return ExtractedDocument.ofText(text, type.toString());
    }

    /**
     * A {@code .txt} whose bytes are text opening (after blank lines and markdown {@code #}/{@code *}) with a Chinese
     * character, a report's title, with no markup where Tika sniffs ({@code <} then ASCII; 「<中华人民共和国…>」 is a
     * title) and no {@code %} near the start (PostScript, PDF, EndNote). Tika's magic sniffing, some 1,500 patterns and
     * half of a text report's parse time, answers text/plain for it: its patterns that text could match are markup,
     * mail headers and signatures anchored at the first byte, where the Chinese character stands. Left are ASCII
     * signatures at fixed offsets deep in a file (「CD001」 at byte 32,769), which a text file meets only by a
     * coincidence better read as text anyway.
     */
    static boolean isChineseTextFile(byte[] content, String fileName) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            return false;
        }
        int first = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        while (first < content.length && (Character.isWhitespace(content[first]) || content[first] == '#'
                || content[first] == '*')) {
            first++;
        }
        if (!opensWithHanCharacter(content, first) || !looksLikeText(content)) {
            return false;
        }
        int sniffed = Math.min(content.length, TIKA.getMimeRepository().getMinLength());
        for (int i = first; i < sniffed; i++) {
            boolean markup = content[i] == '<' && i + 1 < content.length && content[i + 1] >= 0;
            if (markup || (content[i] == '%' && i < SIGNATURE_BYTES)) {
                return false;
            }
        }
        return true;
    }

    /** U+4E00–U+9FFF in UTF-8: lead byte E4–E9, then two continuation bytes. */
    private static boolean opensWithHanCharacter(byte[] content, int at) {
        return content.length >= at + 3 && (content[at] & 0xff) >= 0xe4 && (content[at] & 0xff) <= 0xe9
                && (content[at + 1] & 0xc0) == 0x80 && (content[at + 2] & 0xc0) == 0x80;
    }

    /** Whether Tesseract is on this machine with the Chinese model: without it, scans are marked as needing OCR. */
    public static boolean ocrAvailable() {
        return OCR_AVAILABLE;
    }

    /**
     * Scans read by Tesseract: simplified Chinese with English for the digits and Latin debris; page segmentation 6
     * (one uniform block) keeps each table row on one line with its cells apart; PDF pages are OCRed only when they
     * have no text layer of their own (AUTO), so text PDFs cost nothing more.
     */
    private static ParseContext ocrContext() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(OCR_LANGUAGES);
        ocr.setPageSegMode("6");
        ocr.setPreserveInterwordSpacing(true);
        ocr.setTimeoutSeconds(OCR_TIMEOUT_SECONDS);
        ocr.setSkipOcr(!OCR_AVAILABLE);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        pdf.setOcrDPI(OCR_DPI);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static boolean wasOcred(Metadata metadata) {
        for (String parser : metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY_FULL_SET)) {
            if (parser.equals(TesseractOCRParser.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean tesseractWithChinese() {
        try {
            TesseractOCRParser tesseract = new TesseractOCRParser();
            tesseract.setPreloadLangs(true);
            tesseract.initialize(Map.of());
            return tesseract.hasTesseract() && tesseract.getLangs().contains("chi_sim");
        } catch (TikaConfigException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isWps(MediaType type, String fileName) {
        return type.getBaseType().toString().equals("application/vnd.ms-works")
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".wps"));
    }

    private static ExtractedDocument wps(MediaType type, byte[] content) throws UnreadableDocumentException {
        try {
            return structured(type, () -> WordTables.doc(content, MAX_TEXT_CHARACTERS));
        } catch (UnreadableDocumentException e) {
            throw new UnreadableDocumentException("A WPS document (Kingsoft WPS Writer) that does not read as a Word "
                    + "binary: " + e.getMessage() + " A PDF, Word or HTML version of the report is needed.", e);
        }
    }

    /** An OFD package is a zip with {@code OFD.xml} at its root. */
    private static boolean isOfd(MediaType type, byte[] content) {
        if (!type.getBaseType().toString().equals("application/zip")) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equalsIgnoreCase("OFD.xml")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Text read from the document's own structure (its tables as grids). */
    private interface StructuredReader<T> {
        T read() throws IOException, GridText.TextLimitException;
    }

    private static ExtractedDocument structured(MediaType type, StructuredReader<String> reader)
            throws UnreadableDocumentException {
        return withText(type, readStructure(type, reader), PageMetadata.NONE);
    }

    private static ExtractedDocument html(MediaType type, byte[] content) throws UnreadableDocumentException {
        HtmlTables.Page page = readStructure(type, () -> HtmlTables.read(decodeText(content), MAX_TEXT_CHARACTERS));
        return withText(type, page.text(), page.metadata());
    }

    private static <T> T readStructure(MediaType type, StructuredReader<T> reader) throws UnreadableDocumentException {
        try {
            return reader.read();
        } catch (IOException | GridText.TextLimitException | RuntimeException e) {
            throw new UnreadableDocumentException("Could not read the " + type + " document: " + describe(e), e);
        }
    }

    private static ExtractedDocument withText(MediaType type, String text, PageMetadata page)
            throws UnreadableDocumentException {
        if (text.isBlank()) {
            throw new UnreadableDocumentException("No text could be extracted from the " + type + " document.", null);
        }
        return new ExtractedDocument(text, type.toString(), false, false, page);
    }

    /** The type Tika sniffs from the bytes, the file name a hint; {@link OcrPages} sniffs as {@link #extract} does. */
    static MediaType detect(byte[] content, String fileName) throws UnreadableDocumentException {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
            return DETECTOR.detect(in, metadata);
        } catch (IOException e) {
            throw new UnreadableDocumentException("Could not sniff the document type: " + describe(e), e);
        }
    }

    private static boolean isHtml(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    private static boolean isPlainText(MediaType type) {
        return type.getBaseType().equals(MediaType.TEXT_PLAIN) || isMarkdown(type);
    }

    /** Tika names Markdown (by its {@code .md} name; the bytes are text) text/x-web-markdown; RFC 7763 text/markdown. */
    private static boolean isMarkdown(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("text/markdown") || base.equals("text/x-web-markdown");
    }

    /** Tika calls text it cannot place "octet-stream"; no control bytes but line ends and tabs means text. */
    private static boolean looksLikeText(byte[] content) {
        if (content.length == 0) {
            return false;
        }
        for (byte b : content) {
            if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM says so, else GB18030. */
    static String decodeText(byte[] content) {
        if (content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        // Malformed UTF-8 decodes to U+FFFD; without one, the (much faster) lenient decoding is the strict one.
        String lenient = new String(content, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient.startsWith("\uFEFF") ? lenient.substring(1) : lenient;
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GB18030);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e == root ? message : e.getClass().getSimpleName() + " (" + message + ")";
    }
}
