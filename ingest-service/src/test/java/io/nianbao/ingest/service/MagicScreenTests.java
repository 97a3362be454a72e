package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The screen changes no answer: the sniffer answers as it did when every sniff evaluated all of Tika's magics, on
 * every document in the repository and on variants that put magics where the screen looks — deep in the text, at
 * its very end, past the 64 KiB Tika reads.
 */
class MagicScreenTests {
    private static final Path REPOSITORY = Path.of("..");
    /** File extensions and directories skipped. */
    private static final Set<String> NOT_DOCUMENTS = Set.of("java", "class", "jar", "target", ".git", "node_modules");
    private static final byte[] REPORT = read("../samples/real-reports/006.txt");
    private static final byte[] SEED = read("../samples/reports/000_e70ccd0979ef1614.txt");
    private static final byte[] PDF = read("src/test/resources/sniffing/real-reports-figures.pdf");
    private static final byte[] DOCX = read("../report-parser/src/test/resources/word/seed-002.docx");
    private static final byte[] DOC = read("../report-parser/src/test/resources/word/seed-002.doc");
    private static final byte[] HTML = read("../report-parser/src/test/resources/real-pages/shanghai-office-2019.html");
    private static final byte[] OLE2 = bytes("\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1");
    private static final int TIKA_READS = MimeTypes.getDefaultMimeTypes().getMinLength();

    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    /** The sniffer as it was: no screen, Tika's magics evaluated on every sniff. */
    private final MediaTypeSniffer tikaAlone = new MediaTypeSniffer(Optional.empty());

    /** Every file of the repository but code and build output: reports, pages, Word files, fixtures, configuration. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                boolean skipped = NOT_DOCUMENTS.contains(directory.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!NOT_DOCUMENTS.contains(file.getFileName().toString().replaceAll(".*\\.", ""))) {
                    documents.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a build beside the test deleted it
            }
        });
        documents.sort(null);
        return documents;
    }

    @Test
    void textReportsPassTheScreen() throws IOException {
        MagicScreen screen = MagicScreen.of(MimeTypes.getDefaultMimeTypes()).orElseThrow();
        List<Path> reports = documents().stream()
                .filter(file -> file.startsWith("../samples") || file.startsWith("../ingest-service/src/test/resources/sniffing"))
                .filter(file -> file.toString().matches(".*\\.(txt|md)") && !file.endsWith("README.md"))
                .toList();

        assertThat(reports).hasSizeGreaterThan(10);
        assertThat(reports).allSatisfy(report -> assertThat(screen.noneCanMatch(Files.readAllBytes(report))).as(report.toString())
                .isTrue());
    }

    @Test
    void documentsWithMagicBytesDoNotPassTheScreen() {
        MagicScreen screen = MagicScreen.of(MimeTypes.getDefaultMimeTypes()).orElseThrow();

        assertThat(Stream.of(PDF, DOCX, DOC, HTML)).noneMatch(screen::noneCanMatch);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void documentIsSniffedAsBefore(Path document) throws IOException {
        assertSniffedAsBefore(document.toString(), Files.readAllBytes(document));
    }

    /** Bytes made to reach one of Tika's magics, or to miss it narrowly, and what the sniffer identified them as before. */
    record Variant(String name, byte[] content, String identified) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        String text = new String(REPORT, StandardCharsets.UTF_8);
        byte[] longText = repeat(REPORT, TIKA_READS + 10_000);
        byte[] shortText = Arrays.copyOf(REPORT, 90);
        String wmv = "W\0i\0n\0d\0o\0w\0s\0 \0M\0e\0d\0i\0a\0 \0V\0i\0d\0e\0o\0";
        return Stream.of(
                new Variant("empty", new byte[0], "text/plain"),
                new Variant("one space", bytes(" "), "text/plain"),
                new Variant("one zero byte", new byte[1], "application/octet-stream"),
                new Variant("a kilobyte of zeros", new byte[1024], "application/octet-stream"),
                new Variant("leading blank lines", concat(bytes("\n\n\r\n"), REPORT), "text/plain"),
                new Variant("300 leading spaces", concat(bytes(" ".repeat(300)), REPORT), "text/plain"),
                new Variant("UTF-8 byte order mark", concat(bytes("\u00ef\u00bb\u00bf"), REPORT), "text/plain"),
                new Variant("UTF-16LE with its byte order mark", ("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE), "text/plain"),
                new Variant("UTF-16BE with its byte order mark", ("\ufeff" + text).getBytes(StandardCharsets.UTF_16BE), "text/plain"),
                new Variant("GBK", text.getBytes(Charset.forName("GBK")), "text/plain"),
                new Variant("GB18030", text.getBytes(Charset.forName("GB18030")), "text/plain"),
                new Variant("Big5", text.getBytes(Charset.forName("Big5")), "text/plain"),
                new Variant("cut in the middle of a character", Arrays.copyOf(REPORT, 1001), "text/plain"),
                new Variant("a form feed and a NUL byte", insert(insert(REPORT, 3000, "\f"), 6000, "\u0000"), "text/plain"),
                new Variant("longer than Tika reads, an HTML tag past that", insert(longText, TIKA_READS + 100, "<html><body>"), "text/plain"),
                new Variant("longer than Tika reads, a PDF header near its end", insert(longText, TIKA_READS - 20, "%%\n%PDF-1.7"), "text/plain"),
                new Variant("HTML tag at 200", insert(REPORT, 200, "<html>"), "text/html"),
                new Variant("HTML tag at 5000", insert(REPORT, 5000, "<html>"), "text/html"),
                new Variant("HTML tag at 9000, past Tika's window", insert(REPORT, 9000, "<html>"), "text/plain"),
                new Variant("XHTML root at 3000", insert(REPORT, 3000, "<html xmlns=\"http://www.w3.org/1999/xhtml\">"), "application/xhtml+xml"),
                new Variant("HTML heading at the start", concat(bytes("<h1>"), REPORT), "text/html"),
                new Variant("HTML tag ending a short text", concat(shortText, bytes("<html>")), "text/html"),
                new Variant("HTML tag cut by the end of a short text", concat(shortText, bytes("<htm")), "text/plain"),
                new Variant("XML prolog over text", concat(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), REPORT), "text/plain"),
                new Variant("XML prolog and root", bytes("<?xml version=\"1.0\"?>\n<report>" + text + "</report>"), "application/xml"),
                new Variant("shell script", concat(bytes("#!/bin/sh\n"), REPORT), "application/x-sh"),
                new Variant("Python script", concat(bytes("#!/usr/bin/env python3\n"), REPORT), "application/x-sh"),
                new Variant("mail headers", concat(bytes("From: office@example.gov.cn\nTo: archive@example.gov.cn\nSubject: 年报\n\n"), REPORT),
                        "message/rfc822"),
                new Variant("mail headers after a byte order mark",
                        concat(bytes("\u00ef\u00bb\u00bfFrom: a@example.gov.cn\nTo: b@example.gov.cn\n\n"), REPORT), "message/rfc822"),
                new Variant("Message-ID at 500", insert(REPORT, 500, "\nMessage-ID: <1@example.gov.cn>\n"), "message/rfc822"),
                new Variant("X- header, Date at 4000", insert(concat(bytes("X-Spam: no\n"), REPORT), 4000, "\nDate: Mon, 1 Jan 2024\n"),
                        "message/rfc822"),
                new Variant("HTTP response", concat(bytes("HTTP/1.1 200 OK\nServer: nginx\nContent-Type: text/plain\n\n"), REPORT),
                        "application/x-httpresponse"),
                new Variant("robots.txt", concat(bytes("User-agent: *\nDisallow: /\n"), REPORT), "text/x-robots"),
                new Variant("PDF header at the start", concat(bytes("%PDF-1.7\n"), REPORT), "application/pdf"),
                new Variant("PDF header after a hundred bytes of text", insert(REPORT, 100, "%PDF-1.7\n"), "application/pdf"),
                new Variant("PDF header after a %% line", concat(bytes("%%\n"), insert(REPORT, 100, "%PDF-1.7\n")), "application/pdf"),
                new Variant("Illustrator marker at 5000", insert(REPORT, 5000, "\n%AI5_FileFormat 3\n"), "application/illustrator+ps"),
                new Variant("Windows Media in UTF-16LE at 3000", insert(REPORT, 3000, wmv), "video/x-ms-wmv"),
                new Variant("graphviz after blank lines", concat(bytes("\n\n  digraph G { a -> b }\n"), REPORT), "text/vnd.graphviz"),
                new Variant("graphviz after a comment", concat(bytes("// 年报\ndigraph G { a -> b }\n"), REPORT), "text/vnd.graphviz"),
                new Variant("Matlab function", concat(bytes("function report\n"), REPORT), "text/x-matlab"),
                new Variant("ISO 9660 volume at 32769", splice(repeat(REPORT, 40_000), 32769, bytes("CD001")), "application/x-iso9660-image"),
                new Variant("ZIP header over text", concat(bytes("PK\u0003\u0004"), REPORT), "application/zip"),
                new Variant("OLE2 header over text", concat(OLE2, REPORT), "application/x-tika-msoffice"),
                new Variant("PNG", Arrays.copyOf(bytes("\u0089PNG\r\n\u001a\n"), 64), "image/png"),
                new Variant("PDF cut after its header", Arrays.copyOf(PDF, 5), "application/pdf"),
                new Variant("PDF cut at 100 bytes", Arrays.copyOf(PDF, 100), "application/pdf"),
                new Variant("DOCX cut at 300 bytes", Arrays.copyOf(DOCX, 300), "application/x-tika-ooxml"),
                new Variant("DOC cut at 600 bytes", Arrays.copyOf(DOC, 600), "application/x-tika-msoffice"),
                new Variant("HTML cut at 20 bytes", Arrays.copyOf(HTML, 20), "text/html"),
                new Variant("random bytes", randomBytes(new Random(11), 9000), "application/octet-stream"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void variantIsSniffedAsBefore(Variant variant) {
        assertThat(tikaAlone.identify(variant.content())).as("what the variant was made to be").isEqualTo(variant.identified());
        assertSniffedAsBefore(variant.name(), variant.content());
    }

    /** Where the bytes end is where the screen guesses most: every length up to 100 and at the edges of Tika's windows. */
    @Test
    void documentsCutAtAnyLengthAreSniffedAsBefore() {
        List<byte[]> documents = List.of(REPORT, SEED, PDF, DOCX, DOC, HTML, concat(bytes("\u00ef\u00bb\u00bf"), REPORT),
                concat(bytes("<?xml version=\"1.0\"?>\n"), REPORT), concat(bytes("From: a@example.gov.cn\nTo: b\n"), REPORT));
        List<Integer> lengths = new ArrayList<>();
        for (int length = 0; length <= 100; length++) {
            lengths.add(length);
        }
        for (int edge : new int[] {128, 256, 512, 1000, 1024, 2048, 8192}) {
            for (int length = edge - 3; length <= edge + 20; length++) {
                lengths.add(length);
            }
        }
        for (byte[] document : documents) {
            for (int length : lengths) {
                if (length <= document.length) {
                    String what = "the first " + length + " bytes of a " + tikaAlone.identify(document);
                    assertSniffedAsBefore(what, Arrays.copyOf(document, length));
                }
            }
        }
    }

    /** Magic-looking bytes put anywhere in reports, the edges of Tika's windows more often, some cut short. */
    @Test
    void reportsWithMagicBytesPutInAreSniffedAsBefore() {
        List<byte[]> reports = List.of(REPORT, SEED, concat(bytes("\n\n"), REPORT), repeat(REPORT, TIKA_READS + 500));
        List<byte[]> magics = Stream.of("<html>", "<HTML ", "<html xmlns=", "<head>", "<title>", "<body>", "<div>", "<h2>",
                "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "<svg xmlns=\"http://www.w3.org/2000/svg\">", "%PDF-1.4", "%%",
                "%!PS-Adobe-3.0", "\n%AI5_FileFormat 3\n", "PK\u0003\u0004", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1",
                "{\\rtf1", "GIF89a", "\u0089PNG\r\n\u001a\n", "\nMessage-ID: <a@b>", "\nFrom: a@b", "\nContent-Type: text/plain",
                "From: ", "Received: ", "X-Mailer: ", "#!/bin/sh\n", "digraph G {", "function f\n", "CD001", "BZh9", "P6\n",
                "\u00ff\u00f1\u0050\u0080", "W\0i\0n\0d\0o\0w\0s\0 \0M\0e\0d\0i\0a\0", "User-agent: *\n", "HTTP/1.1 200 OK\n",
                "\u0000", "\r\n", "\u00ef\u00bb\u00bf", "<?php", "BEGIN:VCARD", "@prefix ").map(MagicScreenTests::bytes).toList();
        int[] edges = {0, 1, 3, 64, 128, 512, 1000, 1024, 2048, 8192, 32769, TIKA_READS};
        Random random = new Random(2026);
        for (int i = 0; i < 400; i++) {
            byte[] variant = reports.get(random.nextInt(reports.size()));
            StringBuilder what = new StringBuilder("report");
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                byte[] magic = magics.get(random.nextInt(magics.size()));
                int at = random.nextBoolean() ? random.nextInt(variant.length + 1)
                        : Math.min(variant.length, Math.max(0, edges[random.nextInt(edges.length)] + random.nextInt(9) - 4));
                variant = splice(variant, at, magic);
                what.append(" + ").append(new String(magic, StandardCharsets.ISO_8859_1).strip()).append(" at ").append(at);
            }
            if (random.nextInt(4) == 0) {
                variant = Arrays.copyOf(variant, random.nextInt(variant.length + 1));
                what.append(", cut at ").append(variant.length);
            }
            assertSniffedAsBefore(what.toString(), variant);
        }
    }

    /** A made-up magic matching some bytes where the screen cannot compare them all: at their end, or past it. */
    record Edge(String name, String magic, String content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Edge> edges() {
        return Stream.of(
                new Edge("pattern completed by Tika's zero padding", "<match value=\"ab\\x00\" type=\"string\" offset=\"0:10\"/>", "12345ab"),
                new Edge("regex completed by Tika's zero padding", "<match value=\"ab\\x00\" type=\"regex\" offset=\"0\"/>", "ab"),
                new Edge("wide pattern on the last byte and padding", "<match value=\"a\\x00\" type=\"string\" offset=\"0:100\"/>", "xxxxxa"),
                new Edge("wide pattern in the padding", "<match value=\"\\x00\\x00\" type=\"string\" offset=\"0:100\"/>", "xyz"),
                new Edge("wide pattern at the end of its window", "<match value=\"qz\" type=\"string\" offset=\"0:200\"/>",
                        "x".repeat(200) + "qz" + "x".repeat(200)),
                new Edge("wide regex", "<match value=\"\\nq[0-9]\" type=\"regex\" offset=\"0:200\"/>",
                        "x".repeat(150) + "\nq7" + "x".repeat(200)),
                new Edge("two of three", "<match minShouldMatch=\"2\"><match value=\"q\" type=\"string\" offset=\"0\"/>"
                        + "<match value=\"z\" type=\"string\" offset=\"1\"/><match value=\"?\" type=\"string\" offset=\"2\"/></match>", "qzx"));
    }

    @ParameterizedTest
    @MethodSource("edges")
    void magicMatchingAtAnEdgeIsNotScreenedOut(Edge edge) throws Exception {
        MimeTypes registry = MimeTypesFactory.create(new ByteArrayInputStream(("<mime-info><mime-type type=\"application/x-edge\">"
                + "<magic priority=\"50\">" + edge.magic() + "</magic></mime-type></mime-info>").getBytes(StandardCharsets.UTF_8)));
        MagicScreen screen = MagicScreen.of(registry).orElseThrow();
        byte[] content = edge.content().getBytes(StandardCharsets.ISO_8859_1);

        assertThat(registry.detect(new ByteArrayInputStream(content), new Metadata()).toString()).isEqualTo("application/x-edge");
        assertThat(screen.noneCanMatch(content)).isFalse();
        assertThat(registry.detect(new ByteArrayInputStream(REPORT), new Metadata()).toString()).isEqualTo("text/plain");
        assertThat(screen.noneCanMatch(REPORT)).isTrue();
    }

    private void assertSniffedAsBefore(String what, byte[] content) {
        assertThat(sniffer.detect(content)).as("Tika's type of " + what).isEqualTo(tikaDetect(content));
        assertThat(sniffer.identify(content)).as("the type of " + what).isEqualTo(tikaAlone.identify(content));
        assertThat(accepts(sniffer, content)).as("whether " + what + " is accepted").isEqualTo(accepts(tikaAlone, content));
    }

    /** The reference: Tika's answer as the sniffer asked for it before the screen, all magics evaluated. */
    private static MediaType tikaDetect(byte[] content) {
        try {
            return MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(content), new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(MediaTypeSniffer sniffer, byte[] content) {
        try {
            sniffer.sniff(content);
            return true;
        } catch (UploadRefusedException e) {
            return false;
        }
    }

    /** Chars U+0000 to U+00FF as the bytes of the same values; others in UTF-8. */
    private static byte[] bytes(String text) {
        return text.chars().allMatch(c -> c <= 0xff) ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
    }

    /** At the first character boundary from {@code at} on, the UTF-8 around it left whole. */
    private static byte[] insert(byte[] content, int at, String inserted) {
        int boundary = at;
        while (boundary < content.length && (content[boundary] & 0xc0) == 0x80) {
            boundary++;
        }
        return splice(content, boundary, bytes(inserted));
    }

    private static byte[] splice(byte[] content, int at, byte[] inserted) {
        return concat(Arrays.copyOf(content, at), inserted, Arrays.copyOfRange(content, at, content.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] content, int length) {
        byte[] repeated = new byte[length];
        for (int at = 0; at < length; at += content.length) {
            System.arraycopy(content, 0, repeated, at, Math.min(content.length, length - at));
        }
        return repeated;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
