package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A table as pdfminer-like extractors leave it (real report 017): per page, the labels of that page's rows with no
 * numbers, then the page's cells one to a line, column after column. A block is those labels and the numbers that
 * follow them; which rows the labels name, and whether the numbers fit them, each reader decides. A section is
 * read this way only when every line that carries a figure is a bare single number: a row-major table always has a
 * line with a label and its figures, or several figures, so it never reads as blocks.
 *
 * @param labels  the compact label lines, in order, headings and label fragments included
 * @param numbers the bare numbers that follow them, in order
 */
record ColumnWiseBlock(List<String> labels, List<String> numbers) {
    /**
     * @param listsRows whether a block's labels name at least one row of the table; a block that names none (a
     *                  column heading between two runs of numbers, 017's 「本年处理决定数量」) belongs to the block before
     * @return the blocks, or empty when the text is not column-wise (a line holds a label with figures, or several
     *         figures, or no line holds a figure)
     */
    static Optional<List<ColumnWiseBlock>> of(String sectionText, Predicate<List<String>> listsRows) {
        List<ColumnWiseBlock> blocks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String line : sectionText.split("\n")) {
            TableLine cells = TableLine.of(line);
            if (cells.hasNumbers()) {
                if (!cells.label().isEmpty() || cells.numbers().size() > 1) {
                    return Optional.empty();
                }
                numbers.add(cells.numbers().get(0));
            } else if (!cells.label().isEmpty()) {
                if (!numbers.isEmpty()) {
                    add(blocks, new ColumnWiseBlock(labels, numbers), listsRows);
                    labels = new ArrayList<>();
                    numbers = new ArrayList<>();
                }
                labels.add(cells.label());
            }
        }
        if (!numbers.isEmpty()) {
            add(blocks, new ColumnWiseBlock(labels, numbers), listsRows);
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks);
    }

    private static void add(List<ColumnWiseBlock> blocks, ColumnWiseBlock block,
            Predicate<List<String>> listsRows) {
        if (blocks.isEmpty() || listsRows.test(block.labels())) {
            blocks.add(block);
            return;
        }
        ColumnWiseBlock previous = blocks.remove(blocks.size() - 1);
        List<String> labels = new ArrayList<>(previous.labels());
        labels.addAll(block.labels());
        List<String> numbers = new ArrayList<>(previous.numbers());
        numbers.addAll(block.numbers());
        blocks.add(new ColumnWiseBlock(List.copyOf(labels), List.copyOf(numbers)));
    }

    /**
     * @param rows    how many rows the block lists
     * @param columns how many cells each row has
     * @param from    where in {@link #numbers} the rows' cells start
     * @return the rows' cells as printed column after column: row r's cell c is number {@code from + c * rows + r}
     */
    List<List<String>> columnMajor(int rows, int columns, int from) {
        List<List<String>> cells = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(numbers.get(from + c * rows + r));
            }
            cells.add(row);
        }
        return cells;
    }

    /** The same numbers read row after row, the order a row-major extractor would print them in. */
    List<List<String>> rowMajor(int rows, int columns) {
        List<List<String>> cells = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            cells.add(numbers.subList(r * columns, (r + 1) * columns));
        }
        return cells;
    }
}
