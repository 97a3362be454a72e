package io.nianbao.parser.tables;

import io.nianbao.parser.ParseNotes;
import io.nianbao.schema.ParseNoteCode;

/**
 * Count cells read as printed. A count is a whole number; a negative one is still what the report prints, so it is
 * read as its signed value with a warning and rule NUM-DOMAIN judges it; a value that is no whole number (「3.5」)
 * cannot be a count and is left null, as is a cell printing 「—」「/」「无」 instead of a figure, or nothing at all (a
 * blank grid cell, null without a note: blank is what was printed). Each is a coded note with its cell and what was
 * printed (what rule NUM-DOMAIN keys on), its message starting with the code and the cell's canonical path:
 * {@code NEGATIVE_COUNT review.upheld '-2': …}, {@code NON_INTEGER_COUNT applications.granted[3] '3.5': …},
 * {@code PLACEHOLDER_CELL active.licensing.decisions '—': …}.
 */
final class CountCells {
    private CountCells() {
    }

    /** @return the count, its signed value when printed negative (warned), null when not a whole number (warned) */
    static Integer count(String printed, String path, ParseNotes notes) {
        Integer count = TableLine.count(printed);
        if (count != null) {
            return count;
        }
        Integer signed = TableLine.signed(printed);
        if (signed != null && signed < 0) {
            notes.note(ParseNoteCode.NEGATIVE_COUNT, path, printed, ParseNoteCode.NEGATIVE_COUNT + " " + path + " '"
                    + printed + "': a count cell prints a negative number; it is read as " + signed
                    + " for the rules to judge.");
            return signed;
        }
        return signed != null ? signed : nonInteger(printed, path, notes);
    }

    /** 2019's 本年增/减: any whole number, signed or not; null when not a whole number (warned). */
    static Integer change(String printed, String path, ParseNotes notes) {
        Integer signed = TableLine.signed(printed);
        return signed != null ? signed : nonInteger(printed, path, notes);
    }

    private static Integer nonInteger(String printed, String path, ParseNotes notes) {
        if (TableLine.isBlank(printed)) {
            return null; // printed blank: null, as printed
        }
        if (TableLine.isPlaceholder(printed)) {
            notes.note(ParseNoteCode.PLACEHOLDER_CELL, path, printed, ParseNoteCode.PLACEHOLDER_CELL + " " + path
                    + " '" + printed + "': the cell prints a dash or 无 instead of a figure; it is null.");
            return null;
        }
        notes.note(ParseNoteCode.NON_INTEGER_COUNT, path, printed, ParseNoteCode.NON_INTEGER_COUNT + " " + path
                + " '" + printed + "': a count cell holds no whole number of at most nine digits; the cell is null.");
        return null;
    }
}
