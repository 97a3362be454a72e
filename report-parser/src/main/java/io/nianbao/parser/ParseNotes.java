package io.nianbao.parser;

import java.util.ArrayList;
import java.util.List;

/** What the readers could not read, what they read, and what they inferred: becomes warnings and completeness. */
public final class ParseNotes {
    private final List<String> warnings = new ArrayList<>();
    private final List<String> inferredCells = new ArrayList<>();
    private int cellsRead;

    public void warn(String sentence) {
        warnings.add(sentence);
    }

    public void read(int cells) {
        cellsRead += cells;
    }

    public void inferred(String path) {
        inferredCells.add(path);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<String> inferredCells() {
        return List.copyOf(inferredCells);
    }

    public int cellsRead() {
        return cellsRead;
    }
}
