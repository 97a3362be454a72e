package io.nianbao.ingest.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.detect.TextDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells the document type from its bytes alone. Tika core knows the magic bytes; what it cannot tell without its
 * parser modules is settled here: which ZIP is a Word document, which OLE2 file holds a Word stream, and which
 * magic-less bytes are Chinese text in GBK or GB18030. The file name is never consulted: a PNG called
 * 报告.pdf is still a PNG.
 */
public final class MediaTypeSniffer {
    public static final String TEXT = "text/plain";
    /** Text holding pipe tables, as PDF-to-Markdown tools write reports (RFC 7763). */
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    public static final String XHTML = "application/xhtml+xml";
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    /** An OLE2 compound file without a WordDocument stream; accepted, the parser decides. */
    public static final String OLE2 = "application/x-tika-msoffice";

    static final List<String> ACCEPTED = List.of(TEXT, MARKDOWN, HTML, XHTML, PDF, DOCX, DOC, OLE2);
    static final String ACCEPTED_DESCRIPTION = "plain text in UTF-8, GBK or GB18030 (text/plain), Markdown (text/markdown), HTML (text/html, "
            + "application/xhtml+xml), PDF (application/pdf), Word (.docx " + DOCX + ", .doc " + DOC + ")";

    private static final String DOCX_MAIN_PART = "wordprocessingml.document.main+xml";
    private static final byte[] WORD_STREAM = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
    /** [Content_Types].xml is a few KiB; more than this is not an Office package worth believing. */
    private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;
    /** Text may carry a stray control character or two (form feeds from PDF extraction); binary has many. */
    private static final double MAX_CONTROL_RATIO = 0.01;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern PIPE_TABLE_DELIMITER = Pattern.compile("\\|?(?:\\s*:?-{2,}:?\\s*\\|)+\\s*(?::?-{2,}:?\\s*)?");

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    /** Built once per JVM (about 0.1 s), like Tika's default registry it screens. */
    private static final Optional<MagicScreen> SCREEN = MagicScreen.of(MIME_TYPES);

    private final MediaTypeRegistry registry = MIME_TYPES.getMediaTypeRegistry();
    private final Optional<MagicScreen> screen;

    public MediaTypeSniffer() {
        this(SCREEN);
    }

    /** @param screen empty: every sniff asks Tika's magics, as the sniffer did before it had a screen */
    MediaTypeSniffer(Optional<MagicScreen> screen) {
        this.screen = screen;
    }

    /**
     * @return one of the accepted media types, without parameters
     * @throws UploadRefusedException (415) for anything else
     */
    public String sniff(byte[] content) {
        String type = identify(content);
        if (!ACCEPTED.contains(type)) {
            throw new UploadRefusedException(RequestRejection.UNSUPPORTED_MEDIA_TYPE, "The document's bytes are " + type
                    + ", which nianbao cannot read. Accepted: " + ACCEPTED_DESCRIPTION + ".");
        }
        return type;
    }

    /**
     * @return the media type of the bytes, accepted or not: crawled documents are published whatever they are, and
     * parse-service dead-letters those it cannot read, with the reason
     */
    public String identify(byte[] content) {
        return refine(detect(content), content);
    }

    /**
     * Tika's type of the bytes. When none of its magics matches, {@link MimeTypes#detect} answers with its
     * text-or-binary guess on the bytes it read; text matches none, and Tika learns that by evaluating every magic.
     * The screen shows it far cheaper, and the guess is then made here as Tika makes it. (Tika answers empty bytes
     * without a guess.)
     */
    MediaType detect(byte[] content) {
        try {
            if (content.length > 0 && screen.isPresent() && screen.get().noneCanMatch(content)) {
                return new TextDetector(MIME_TYPES.getMinLength()).detect(new ByteArrayInputStream(content), new Metadata());
            }
            return MIME_TYPES.detect(new ByteArrayInputStream(content), new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    private String refine(MediaType detected, byte[] content) {
        if (is(detected, MediaType.APPLICATION_ZIP)) {
            return isWordPackage(content) ? DOCX : detected.toString();
        }
        if (is(detected, MediaType.parse(OLE2))) {
            return indexOf(content, WORD_STREAM) >= 0 ? DOC : detected.toString();
        }
        if (detected.equals(MediaType.OCTET_STREAM) && isText(content)) {
            return hasPipeTable(content) ? MARKDOWN : TEXT;
        }
        if (detected.equals(MediaType.TEXT_PLAIN) && hasPipeTable(content)) {
            return MARKDOWN;
        }
        return detected.toString();
    }

    private boolean is(MediaType type, MediaType family) {
        return type.equals(family) || registry.isSpecializationOf(type, family);
    }

    /** An OOXML package whose main part is a word-processing document (not a spreadsheet, not a template). */
    private static boolean isWordPackage(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    byte[] types = zip.readNBytes(MAX_CONTENT_TYPES_BYTES);
                    return new String(types, StandardCharsets.UTF_8).contains(DOCX_MAIN_PART);
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false; // a damaged archive is not a Word document
        }
    }

    /** Magic-less bytes are text when they decode cleanly as UTF-8 or GB18030 and carry almost no control bytes. */
    private static boolean isText(byte[] content) {
        int control = 0;
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control <= content.length * MAX_CONTROL_RATIO
                && (decodes(content, StandardCharsets.UTF_8) || decodes(content, GB18030));
    }

    /** A Markdown table's delimiter row (「|---|---|」) on a line of its own: what tells Markdown from plain text. */
    private static boolean hasPipeTable(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.lines().anyMatch(line -> PIPE_TABLE_DELIMITER.matcher(line.strip()).matches());
    }

    /** Strict decoding, except that a multi-byte character cut off at the very end is tolerated. */
    private static boolean decodes(byte[] content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
