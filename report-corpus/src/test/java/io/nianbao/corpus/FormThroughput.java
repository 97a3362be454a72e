package io.nianbao.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;

/**
 * Not a test: parse throughput per form on one thread (so: per core) over generated reports, and one 20 MB PDF (a
 * report whose pages carry large incompressible images under the text), with the JVM's peak heap after each.
 * Run from the repository root:
 * <pre>
 * ./mvnw -o -q -pl report-corpus -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx512m -cp report-corpus/target/test-classes:report-corpus/target/classes:report-parser/target/classes:\
 *   schemas/target/classes:gazetteer/target/classes:report-rules/target/classes:$(cat /tmp/cp.txt) \
 *   io.nianbao.corpus.FormThroughput [seconds per form] [forms…]
 * </pre>
 */
public final class FormThroughput {
    private static final int REPORTS = 20;
    private static final int BIG_PDF_BYTES = 20 * 1024 * 1024;
    /** The thread's own CPU time: a rate per CPU-second is not diluted by other work on a shared machine. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FormThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        List<Form> forms = args.length > 1
                ? Arrays.stream(args, 1, args.length).map(name -> Form.valueOf(name.toUpperCase(Locale.ROOT)))
                        .toList()
                : List.of(Form.TEXT, Form.HTML, Form.DOCX, Form.PDF);
        List<LabelledReport> reports = new ReportGenerator(2026, 0.3).reports(REPORTS);
        ReportParser parser = new ReportParser();
        for (Form form : forms) {
            List<byte[]> documents = reports.stream().map(form::render).toList();
            SourceInfo source = SourceInfo.ofFile("report." + form.extension());
            run(parser, documents, source, 2);
            resetPeaks();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long parsed = run(parser, documents, source, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%-5s %6.0f reports/s on one thread, %.0f per CPU-second (%d in %.1f s, %.1f s of CPU);"
                    + " peak heap %d MB%n", form, parsed / elapsed, parsed / cpu, parsed, elapsed, cpu, peakHeapMb());
        }
        byte[] big = bigPdf(Form.PDF.render(reports.get(0)));
        resetPeaks();
        long start = System.nanoTime();
        var report = parser.parse(big, SourceInfo.ofFile("big.pdf"));
        System.out.printf("20 MB PDF (%d bytes, %d cells read): parsed in %.1f s; peak heap %d MB%n", big.length,
                report.getCompleteness().getCellsRead(), (System.nanoTime() - start) / 1e9, peakHeapMb());
    }

    private static long run(ReportParser parser, List<byte[]> documents, SourceInfo source, long seconds)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long parsed = 0;
        while (System.nanoTime() < end) {
            for (byte[] document : documents) {
                parser.parse(document, source);
                parsed++;
            }
        }
        return parsed;
    }

    /** The report's PDF with a page-sized image of noise under each page's text, repeated until it is 20 MB. */
    private static byte[] bigPdf(byte[] pdf) throws Exception {
        Random random = new Random(1);
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int pages = document.getNumberOfPages();
            long bytes = pdf.length;
            for (int i = 0; bytes < BIG_PDF_BYTES; i++) {
                PDPage page = document.getPage(i % pages);
                BufferedImage noise = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < noise.getHeight(); y++) {
                    for (int x = 0; x < noise.getWidth(); x++) {
                        noise.setRGB(x, y, random.nextInt(0x1000000));
                    }
                }
                try (PDPageContentStream content = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.PREPEND, true)) {
                    content.drawImage(LosslessFactory.createFromImage(document, noise), 0, 0, 20, 20);
                }
                bytes += noise.getWidth() * noise.getHeight() * 3L; // noise does not compress
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
