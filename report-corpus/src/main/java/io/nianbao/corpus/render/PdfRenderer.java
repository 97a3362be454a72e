package io.nianbao.corpus.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;
import io.nianbao.corpus.render.Grid.Slot;

/**
 * A PDF with a text layer, laid out on A4 like the template: tables drawn cell by cell on their grid. Chinese needs a
 * CJK TrueType font: system property {@code nianbao.cjkFont}, else WenQuanYi (Debian {@code fonts-wqy-microhei} or
 * {@code fonts-wqy-zenhei}).
 */
public final class PdfRenderer {
    private static final List<Path> FONT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    private static final float MARGIN = 30;
    private static final float TABLE_FONT = 6;
    private static final float TEXT_FONT = 9;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    /** Label columns wide enough for the template's longest labels, figures narrow. */
    private static final float[] APPLICATIONS_COLUMNS = {56, 46, 222, 30, 30, 30, 30, 30, 30, 30};

    private static TrueTypeFont font;

    private PdfRenderer() {
    }

    /** The CJK font file, when the machine has one. */
    public static Optional<Path> cjkFont() {
        String configured = System.getProperty("nianbao.cjkFont");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        return FONT_CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Synchronized: the font is parsed once and shared, and FontBox's font objects are not thread-safe. */
    static synchronized byte[] render(Document document) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer writer = new Writer(pdf, PDType0Font.load(pdf, font(), true));
            for (Block block : document.blocks()) {
                if (block instanceof Heading heading) {
                    writer.lines(List.of(heading.text()), 12, 18);
                } else if (block instanceof Paragraph paragraph) {
                    writer.lines(writer.wrap(paragraph.text(), TEXT_FONT), TEXT_FONT, 13);
                } else if (block instanceof Table table) {
                    writer.table(table);
                }
            }
            writer.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed once per JVM: a CJK font is megabytes, and the collection must stay open while subsets are written. */
    private static TrueTypeFont font() throws IOException {
        if (font == null) {
            Path file = cjkFont().orElseThrow(() -> new IllegalStateException(
                    "No CJK TrueType font: install fonts-wqy-microhei or set -Dnianbao.cjkFont=<file.ttf|ttc>"));
            if (file.toString().endsWith(".ttc")) {
                List<TrueTypeFont> fonts = new ArrayList<>();
                new TrueTypeCollection(file.toFile()).processAllFonts(fonts::add);
                font = fonts.get(0);
            } else {
                font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            }
        }
        return font;
    }

    /** Draws top to bottom, starting a new page when the current one is full. */
    private static final class Writer {
        private final PDDocument pdf;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument pdf, PDType0Font font) throws IOException {
            this.pdf = pdf;
            this.font = font;
            newPage();
        }

        void lines(List<String> lines, float size, float leading) throws IOException {
            for (String line : lines) {
                room(leading);
                text(line, MARGIN, size);
                y -= leading;
            }
            y -= leading / 3;
        }

        void table(Table table) throws IOException {
            float[] widths = widths(table.columns());
            float leading = TABLE_FONT + 4;
            for (Slot[] row : Grid.of(table)) {
                room(leading);
                float x = MARGIN;
                for (int c = 0; c < row.length; c++) {
                    Slot slot = row[c];
                    if (slot != null && slot.top() && slot.left()) {
                        text(slot.cell().text(), x + 1, TABLE_FONT);
                    }
                    x += widths[c];
                }
                y -= leading;
            }
            y -= leading;
        }

        List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                line.append(text.charAt(i));
                if (font.getStringWidth(line.toString()) / 1000 * size > WIDTH) {
                    line.setLength(line.length() - 1);
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(text.charAt(i));
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float[] widths(int columns) {
            if (columns == APPLICATIONS_COLUMNS.length) {
                return APPLICATIONS_COLUMNS;
            }
            float[] widths = new float[columns];
            java.util.Arrays.fill(widths, WIDTH / columns);
            return widths;
        }

        private void text(String text, float x, float size) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN - 12;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
