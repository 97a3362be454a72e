package io.nianbao.corpus.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Cell;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;

/**
 * Text as PDF extraction leaves it. Clean: a table row per line, tab-separated, as seed 000. Damaged, as seeds 001–004:
 * prose wrapped at the page's width, cells separated by runs of spaces (or tabs and spaces mixed in a row), long
 * labels split from their figures, header labels spread out character by character, page footers inside tables.
 * Column-wise, as pdfminer.six leaves a table (real report 017): every text box on its own line, a page of a table
 * as its labels, then its figures one column after another.
 */
final class TextRenderer {
    /**
     * Per table, as one extractor separates cells: tabs, padded tabs, runs of spaces (pdftotext -layout), or tabs and
     * runs of spaces mixed within one row (an extractor that tabs some column gaps and pads others).
     */
    private static final List<List<String>> SEPARATOR_STYLES = List.of(List.of("\t"), List.of(" \t", "\t ", "\t"),
            List.of("  ", "   ", "    "), List.of("\t", "  ", "   "));
    private static final int SPLIT_LABEL_LENGTH = 12;
    /** A figure cell: a count, a signed change, an amount with or without its unit. */
    private static final Pattern FIGURE = Pattern.compile("[+-]?\\d[\\d.,]*(?:万元|元)?");
    /** Section 二's sub-tables each start at their article heading; pdfminer emits each as a block of its own. */
    private static final String ARTICLE = "第二十条";
    /** A table with more data rows than this breaks over a page (section 三: 25 rows in 2021, 23 in 2019). */
    private static final int ROWS_PER_PAGE = 12;

    private TextRenderer() {
    }

    static String clean(Document document) {
        StringBuilder text = new StringBuilder("\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                text.append(heading.text()).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                text.append(paragraph.text()).append("\n\n");
            } else if (block instanceof Table table) {
                for (List<Cell> row : table.rows()) {
                    text.append(row.stream().map(Cell::text).collect(Collectors.joining("\t"))).append('\n');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    static String damaged(Document document, Random random) {
        return extracted(document, random, TextRenderer::damagedTable);
    }

    static String columnWise(Document document, Random random) {
        return extracted(document, random, TextRenderer::columnWiseTable);
    }

    /** How one form prints a table; {@code nextPage} numbers each page footer it prints. */
    private interface TableText {
        String render(Table table, Random random, IntSupplier nextPage);
    }

    /** Headings as they are, prose wrapped at the page's width, tables as the form prints them. */
    private static String extracted(Document document, Random random, TableText tables) {
        StringBuilder text = new StringBuilder("\n");
        int[] page = {1};
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                text.append(heading.text()).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                text.append(wrap(paragraph.text(), 30 + random.nextInt(16))).append("\n\n");
            } else if (block instanceof Table table) {
                text.append(tables.render(table, random, () -> ++page[0]));
            }
        }
        return text.toString();
    }

    private static String damagedTable(Table table, Random random, IntSupplier nextPage) {
        StringBuilder text = new StringBuilder();
        int footerAfter = random.nextInt(table.rows().size());
        List<String> separators = SEPARATOR_STYLES.get(random.nextInt(SEPARATOR_STYLES.size()));
        for (int r = 0; r < table.rows().size(); r++) {
            text.append(row(table.rows().get(r), separators, random)).append('\n');
            if (r == footerAfter && table.rows().size() > 8) {
                text.append(random.nextBoolean() ? "— " + nextPage.getAsInt() + " —" : "第 " + nextPage.getAsInt() + " 页")
                        .append('\n');
            }
        }
        return text.append('\n').toString();
    }

    private static String columnWiseTable(Table table, Random random, IntSupplier nextPage) {
        StringBuilder text = new StringBuilder();
        List<List<List<Cell>>> blocks = columnWiseBlocks(table.rows(), random);
        for (int b = 0; b < blocks.size(); b++) {
            boolean pageBreak = b + 1 < blocks.size() && !startsArticle(blocks.get(b + 1));
            text.append(columnWiseBlock(blocks.get(b), pageBreak ? "- " + nextPage.getAsInt() + " -" : null, random));
        }
        return text.toString();
    }

    /** The table's rows cut where pdfminer starts a new block: at each article heading, and at a page break. */
    private static List<List<List<Cell>>> columnWiseBlocks(List<List<Cell>> rows, Random random) {
        List<List<List<Cell>>> blocks = new ArrayList<>();
        List<List<Cell>> current = new ArrayList<>();
        long dataRows = rows.stream().filter(TextRenderer::hasFigures).count();
        int breakAfter = dataRows > ROWS_PER_PAGE ? ROWS_PER_PAGE / 2 + random.nextInt(ROWS_PER_PAGE) : -1;
        int data = 0;
        for (List<Cell> row : rows) {
            if (!current.isEmpty() && (startsArticle(List.of(row)) || data == breakAfter)) {
                blocks.add(current);
                current = new ArrayList<>();
                breakAfter = data == breakAfter ? -1 : breakAfter;
            }
            current.add(row);
            data += hasFigures(row) ? 1 : 0;
        }
        blocks.add(current);
        return blocks;
    }

    /**
     * Labels of the rows with figures, then the other labels (headings), the page footer, then the figures by column.
     * A text box narrower than its label wraps it, as 017's 「（三）不」「予公开」, and a short heading may come out
     * spaced, as its 「商 业 企」 (never an item number: 「3 . 其 他」 would print a figure).
     */
    private static String columnWiseBlock(List<List<Cell>> rows, String footer, Random random) {
        List<String> lines = new ArrayList<>();
        List<List<String>> figures = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (List<Cell> row : rows) {
            List<String> rowFigures = row.stream().map(Cell::text).filter(text -> FIGURE.matcher(text).matches())
                    .toList();
            List<String> labels = row.stream().map(Cell::text)
                    .filter(text -> !text.isEmpty() && !FIGURE.matcher(text).matches()).toList();
            for (String label : labels) {
                (rowFigures.isEmpty() ? headings : lines).addAll(wrapped(label, random));
            }
            if (!rowFigures.isEmpty()) {
                figures.add(rowFigures);
            }
        }
        lines.addAll(headings);
        if (footer != null) {
            lines.add(footer);
        }
        int columns = figures.stream().mapToInt(List::size).max().orElse(0);
        for (int c = 0; c < columns; c++) {
            for (List<String> row : figures) {
                if (c < row.size()) {
                    lines.add(row.get(c));
                }
            }
        }
        return lines.stream().map(line -> line + "\n\n").collect(Collectors.joining());
    }

    private static List<String> wrapped(String label, Random random) {
        if (label.length() > SPLIT_LABEL_LENGTH && random.nextInt(3) == 0) {
            int at = 2 + random.nextInt(label.length() - 3);
            return List.of(label.substring(0, at), label.substring(at));
        }
        if (label.length() <= 4 && label.chars().noneMatch(Character::isDigit) && random.nextInt(3) == 0) {
            return List.of(String.join(" ", label.split("")));
        }
        return List.of(label);
    }

    private static boolean hasFigures(List<Cell> row) {
        return row.stream().anyMatch(cell -> FIGURE.matcher(cell.text()).matches());
    }

    private static boolean startsArticle(List<List<Cell>> rows) {
        return rows.get(0).get(0).text().startsWith(ARTICLE);
    }

    private static String row(List<Cell> cells, List<String> separators, Random random) {
        boolean figures = cells.stream().anyMatch(cell -> cell.text().matches("[+-]?[\\d.]+.*"));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).text();
            if (!figures && random.nextInt(3) == 0 && cell.length() <= 4) {
                cell = String.join(" ", cell.split("")); // header debris: 「结 果 维 持」
            }
            boolean lastLabel = figures && i + 1 < cells.size() && cells.get(i + 1).text().matches("[+-]?\\d.*")
                    && !cell.matches("[+-]?\\d.*");
            if (lastLabel && cell.length() > SPLIT_LABEL_LENGTH && random.nextInt(3) == 0) {
                // The label's cell wrapped: its tail stays on the line above the figures.
                line.append(cell).append('\n');
                continue;
            }
            line.append(cell);
            if (i + 1 < cells.size()) {
                line.append(separators.get(random.nextInt(separators.size())));
            }
        }
        return line.toString();
    }

    private static String wrap(String prose, int width) {
        StringBuilder wrapped = new StringBuilder();
        for (int start = 0; start < prose.length(); start += width) {
            wrapped.append(start == 0 ? "" : "\n").append(prose, start, Math.min(prose.length(), start + width));
        }
        return wrapped.toString();
    }
}
