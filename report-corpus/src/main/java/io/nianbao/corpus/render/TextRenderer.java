package io.nianbao.corpus.render;

import java.util.List;
import java.util.Random;
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
 */
final class TextRenderer {
    /**
     * Per table, as one extractor separates cells: tabs, padded tabs, runs of spaces (pdftotext -layout), or tabs and
     * runs of spaces mixed within one row (an extractor that tabs some column gaps and pads others).
     */
    private static final List<List<String>> SEPARATOR_STYLES = List.of(List.of("\t"), List.of(" \t", "\t ", "\t"),
            List.of("  ", "   ", "    "), List.of("\t", "  ", "   "));
    private static final int SPLIT_LABEL_LENGTH = 12;

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
        StringBuilder text = new StringBuilder("\n");
        int page = 1;
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                text.append(heading.text()).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                text.append(wrap(paragraph.text(), 30 + random.nextInt(16))).append("\n\n");
            } else if (block instanceof Table table) {
                int footerAfter = random.nextInt(table.rows().size());
                List<String> separators = SEPARATOR_STYLES.get(random.nextInt(SEPARATOR_STYLES.size()));
                for (int r = 0; r < table.rows().size(); r++) {
                    text.append(row(table.rows().get(r), separators, random)).append('\n');
                    if (r == footerAfter && table.rows().size() > 8) {
                        text.append(random.nextBoolean() ? "— " + ++page + " —" : "第 " + ++page + " 页").append('\n');
                    }
                }
                text.append('\n');
            }
        }
        return text.toString();
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
