package io.nianbao.parser;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;

/**
 * What the readers could not read, what they read, and what they inferred: becomes warnings, the coded notes and
 * completeness.
 */
public final class ParseNotes {
    private final List<String> warnings = new ArrayList<>();
    private final List<ParseNote> notes = new ArrayList<>();
    private final List<String> inferredCells = new ArrayList<>();
    private int cellsRead;

    public void warn(String sentence) {
        warnings.add(sentence);
    }

    /**
     * A fact the rules act on: kept as a coded note and, its message, among the warnings people read.
     *
     * @param cell    the cell path the note is about, or null
     * @param printed what the report printed there, or null
     */
    public void note(ParseNoteCode code, String cell, String printed, String message) {
        warnings.add(message);
        notes.add(new ParseNote(code.name(), cell, printed, message));
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

    public List<ParseNote> notes() {
        return List.copyOf(notes);
    }

    public List<String> inferredCells() {
        return List.copyOf(inferredCells);
    }

    public int cellsRead() {
        return cellsRead;
    }
}
