package io.nianbao.crawler;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a page the way these sites need: BOM, then the header's charset, then {@code <meta>}, then strict UTF-8,
 * else GB18030 (Big5 on a traditional-Chinese mirror). Every GB2312/GBK label is read as GB18030, its superset, so rare characters in names survive.
 */
final class Charsets {
    static final Charset GB18030 = Charset.forName("GB18030");
    /** Superset of Big5, for the same reason as GB18030. */
    static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    private static final String BIG5_MIRROR = "/big5/";
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SCAN_BYTES = 4096;

    private Charsets() {
    }

    static String decode(byte[] body, String contentTypeHeader) {
        return decode(body, contentTypeHeader, null);
    }

    /** @param path the page's URL path: undeclared pages of a {@code /gate/big5/} mirror are Big5, not GBK */
    static String decode(byte[] body, String contentTypeHeader, String path) {
        Charset charset = detect(body, contentTypeHeader, path);
        int skip = charset == StandardCharsets.UTF_8 && hasUtf8Bom(body) ? 3 : 0;
        return new String(body, skip, body.length - skip, charset);
    }

    static Charset detect(byte[] body, String contentTypeHeader) {
        return detect(body, contentTypeHeader, null);
    }

    static Charset detect(byte[] body, String contentTypeHeader, String path) {
        if (hasUtf8Bom(body)) {
            return StandardCharsets.UTF_8;
        }
        Charset declared = fromLabel(contentTypeHeader);
        if (declared == null) {
            String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            declared = fromLabel(head);
        }
        if (declared != null) {
            return declared;
        }
        if (isUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        return path != null && path.contains(BIG5_MIRROR) ? BIG5 : GB18030;
    }

    private static Charset fromLabel(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(text);
        if (!m.find()) {
            return null;
        }
        String label = m.group(1).toLowerCase(Locale.ROOT);
        if (label.startsWith("gb") || label.equals("x-gbk") || label.equals("cp936") || label.equals("euc-cn")) {
            return GB18030;
        }
        if (label.startsWith("big5") || label.equals("x-windows-950") || label.equals("cp950")) {
            return BIG5;
        }
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException unknown) {
            return null; // an unknown label is no declaration: fall through to sniffing
        }
    }

    private static boolean hasUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
