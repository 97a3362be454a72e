package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.template.ActiveRow;

/**
 * Section 二's document cells that a PDF-to-Markdown tool floated out of their rows (real page
 * {@code shanghai-office-2025.md}): a cell the PDF printed over two lines, a figure and its note (「22（其中修订16件）」
 * 「55（含自然失效29件）」), is written as loose lines of its own outside the table, and its row keeps only its one-line
 * cells, fewer than its columns, with nothing where the floated ones stood. Nothing but the note tells a floated
 * cell's column (修订 is part of what was issued, 失效 of what was repealed), and nothing but their order its row:
 * they follow the rows that lack cells, in order.
 */
final class FloatedCells {
    /** A figure alone on its line, its note on the next; or both on one line. */
    private static final Pattern FIGURE = Pattern.compile("\\d+");
    /** Words in brackets (the normaliser made them ASCII): 「(其中修订 16 件)」. */
    private static final Pattern NOTE = Pattern.compile("\\([^()]*\\D[^()]*\\)");
    private static final Pattern FIGURE_AND_NOTE = Pattern.compile("(\\d+)\\s*(" + NOTE.pattern() + ")");

    private FloatedCells() {
    }

    /** A floated cell: its figure and the note printed with it. */
    record Floated(String figure, String note) {
    }

    /**
     * The floated cells of section 二 in the order printed: figures with a note on lines of their own. A figure on
     * the line after a label that names a row is that row's, never floated.
     */
    static List<Floated> of(String sectionText) {
        List<Floated> floated = new ArrayList<>();
        String[] lines = sectionText.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher oneLine = FIGURE_AND_NOTE.matcher(line);
            boolean figureAndNote = oneLine.matches();
            boolean figureThenNote = !figureAndNote && FIGURE.matcher(line).matches() && i + 1 < lines.length
                    && NOTE.matcher(lines[i + 1].strip()).matches();
            if (!(figureAndNote || figureThenNote) || (i > 0 && labelsARow(lines[i - 1]))) {
                continue;
            }
            floated.add(figureAndNote ? new Floated(oneLine.group(1), oneLine.group(2))
                    : new Floated(line, lines[++i].strip()));
        }
        return floated;
    }

    /** A label alone on its line that names a row: the figures on the next line are the row's. */
    private static boolean labelsARow(String line) {
        TableLine cells = TableLine.of(line);
        return !cells.hasNumbers() && ActiveRow.recognise(cells.label()).isPresent();
    }

    /**
     * The short document rows with their floated cells put back: every row lacking cells takes the next floated
     * cells, as many as it lacks, each in the one column its note names, and its own figures fill the other columns
     * in order. Empty when the floated cells are not exactly as many as the cells the rows lack; a row is left out
     * when a note of its floated cells names no column, or two, or one another of them took.
     *
     * @param rows           the document rows as printed, each with its figures
     * @param columns        how many cells a row has
     * @param columnsInNotes what names each column in a note, in column order
     */
    static Optional<Map<ActiveRow, List<String>>> placed(List<Floated> floated, Map<ActiveRow, List<String>> rows,
            ToIntFunction<ActiveRow> columns, List<Pattern> columnsInNotes) {
        int lacking = rows.entrySet().stream()
                .mapToInt(row -> Math.max(0, columns.applyAsInt(row.getKey()) - row.getValue().size())).sum();
        if (floated.isEmpty() || lacking != floated.size()) {
            return Optional.empty();
        }
        Map<ActiveRow, List<String>> placed = new EnumMap<>(ActiveRow.class);
        int next = 0;
        for (Map.Entry<ActiveRow, List<String>> row : new EnumMap<>(rows).entrySet()) {
            int width = columns.applyAsInt(row.getKey());
            List<String> printed = row.getValue();
            if (printed.size() >= width) {
                continue;
            }
            List<Floated> own = floated.subList(next, next + width - printed.size());
            next += own.size();
            inColumns(printed, own, width, columnsInNotes).ifPresent(cells -> placed.put(row.getKey(), cells));
        }
        return Optional.of(placed);
    }

    /** The row's cells, its floated ones in the columns their notes name; empty when a note names no free column. */
    private static Optional<List<String>> inColumns(List<String> printed, List<Floated> own, int width,
            List<Pattern> columnsInNotes) {
        String[] cells = new String[width];
        for (Floated cell : own) {
            List<Integer> named = new ArrayList<>();
            for (int c = 0; c < width && c < columnsInNotes.size(); c++) {
                if (columnsInNotes.get(c).matcher(cell.note()).find()) {
                    named.add(c);
                }
            }
            if (named.size() != 1 || cells[named.get(0)] != null) {
                return Optional.empty();
            }
            cells[named.get(0)] = cell.figure();
        }
        int figure = 0;
        for (int c = 0; c < width; c++) {
            if (cells[c] == null) {
                cells[c] = printed.get(figure++);
            }
        }
        return Optional.of(List.of(cells));
    }
}
