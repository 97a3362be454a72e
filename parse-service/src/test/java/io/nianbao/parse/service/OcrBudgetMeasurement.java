package io.nianbao.parse.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.parse.RawReports;
import io.nianbao.parse.ScanPdfs;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.extract.OcrPages;

/**
 * Not a test: what counting the pages to OCR costs, against extracting each page's text (Tika's own AUTO test), on a
 * text PDF and on a scan; then one multi-page scan through ParseService with the production timeouts, and with the
 * former fixed 60 s bound. Inputs are the report-corpus renderings of one report (its {@code pdf/} and {@code scan/}
 * files); the scan's A4 pages are repeated to {@code pages}. Run from parse-service/ after {@code test-compile} with
 * {@code dependency:build-classpath -Dmdep.outputFile=target/cp.txt}, and {@code OMP_THREAD_LIMIT=1}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.nianbao.parse.service.OcrBudgetMeasurement
 * TEXT.pdf SCAN.png [pages]}
 */
public final class OcrBudgetMeasurement {
    private static final int ROUNDS = 200;
    /** An A4 page's height over its width. */
    private static final double A4_RATIO = 297.0 / 210.0;

    private OcrBudgetMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        byte[] textPdf = Files.readAllBytes(Path.of(args[0]));
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        byte[] scanPdf = ScanPdfs.of(pagesOf(ImageIO.read(Path.of(args[1]).toFile()), pages));
        OcrPages ocrPages = OcrPages.onThisMachine();
        for (var document : List.of(new Named("text PDF", textPdf), new Named(pages + "-page scan PDF", scanPdf))) {
            System.out.printf("%s (%d bytes): OcrPages.count = %d, %.2f ms; text of each page = %d pages, %.2f ms%n",
                    document.name(), document.bytes().length, ocrPages.count(document.bytes(), "report.pdf"),
                    millisPerCall(() -> ocrPages.count(document.bytes(), "report.pdf")),
                    pagesWithLittleText(document.bytes()), millisPerCall(() -> pagesWithLittleText(document.bytes())));
        }
        ParseTimeouts production = new ParseTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofMinutes(30));
        ParseTimeouts former = new ParseTimeouts(Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(60));
        for (ParseTimeouts timeouts : List.of(production, former)) {
            try (BoundedWorker worker = new BoundedWorker(2)) {
                ParseService service = new ParseService(new ReportParser(), ocrPages, timeouts, worker,
                        new ParseMetrics(new SimpleMeterRegistry()));
                long started = System.nanoTime();
                ParseOutcome outcome = service.handle(RawReports.of(scanPdf, "scan.pdf", null),
                        new RecordOrigin("reports.raw", 0, 0, null)).await().indefinitely();
                System.out.printf("%s, budget %s: %s after %.1f s%n", timeouts, timeouts.budgetFor(
                        ocrPages.count(scanPdf, "scan.pdf")), describe(outcome), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private record Named(String name, byte[] bytes) {
    }

    /** The scan cut into A4 pages, repeated until there are {@code count}. */
    private static List<BufferedImage> pagesOf(BufferedImage scan, int count) {
        int pageHeight = (int) Math.round(scan.getWidth() * A4_RATIO);
        int scanPages = (scan.getHeight() + pageHeight - 1) / pageHeight;
        List<BufferedImage> pages = new ArrayList<>();
        for (int page = 0; page < count; page++) {
            int top = page % scanPages * pageHeight;
            pages.add(scan.getSubimage(0, top, scan.getWidth(), Math.min(pageHeight, scan.getHeight() - top)));
        }
        return pages;
    }

    /** Tika's AUTO strategy as a pre-check: a page with fewer than 10 characters of text would be OCRed. */
    private static int pagesWithLittleText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            int little = 0;
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(document).strip().length() < 10) {
                    little++;
                }
            }
            return little;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double millisPerCall(Runnable call) {
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        long started = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        return (System.nanoTime() - started) / 1e6 / ROUNDS;
    }

    private static String describe(ParseOutcome outcome) {
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            return "parsed: " + parsed.report().getAgency() + " " + parsed.report().getYear() + ", warnings "
                    + parsed.report().getWarnings().size();
        }
        var letter = ((ParseOutcome.DeadLettered) outcome).deadLetter();
        return "dead-lettered " + letter.getErrorType() + ": " + letter.getReason();
    }
}
