package io.nianbao.corpus.render;

import java.util.List;

/** A report laid out as a person reads it: headings, paragraphs and tables with merged cells, before any format. */
public record Document(List<Block> blocks) {
    public Document {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Heading, Paragraph, Table {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** Rows list only the cells that start there: a cell spanning rows is absent from the rows below it. */
    public record Table(int columns, List<List<Cell>> rows) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public record Cell(String text, int colspan, int rowspan) {
        public static Cell of(String text) {
            return new Cell(text, 1, 1);
        }

        public static Cell wide(String text, int colspan) {
            return new Cell(text, colspan, 1);
        }

        public static Cell tall(String text, int rowspan) {
            return new Cell(text, 1, rowspan);
        }
    }
}
