package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nianbao.parser.ParseNotes;
import io.nianbao.template.ApplicationRow;

/**
 * Reads section 三 row by row, by label, or, when every figure stands alone on its line, column by column
 * ({@link ColumnWiseApplications}). A row whose numbers are fewer (or more) than the 7 columns keeps null
 * cells: which column lost its number cannot be told from the text, and shifting would put counts under the wrong
 * applicant type.
 */
public final class ApplicationsReader {
    /** A label split over lines is carried to the next numeric line, but never further than this. */
    private static final int MAX_PENDING_LABEL = 120;

    private ApplicationsReader() {
    }

    public static ApplicationsTable read(String sectionText, ParseNotes notes) {
        Optional<List<ColumnWiseBlock>> columnWise = ColumnWiseApplications.blocks(sectionText);
        if (columnWise.isPresent()) {
            return ColumnWiseApplications.read(columnWise.get(), notes);
        }
        ApplicationsTable table = new ApplicationsTable();
        String pending = "";
        for (String line : sectionText.split("\n")) {
            TableLine cells = TableLine.of(line);
            if (!cells.hasNumbers()) {
                pending = (pending + cells.label());
                pending = pending.substring(Math.max(0, pending.length() - MAX_PENDING_LABEL));
                continue;
            }
            String carried = pending;
            pending = "";
            Optional<ApplicationRow> row = ApplicationRow.recognise(cells.label())
                    .or(() -> ApplicationRow.recognise(carried + cells.label()));
            if (row.isEmpty()) {
                notes.warn("Section 三: a line with " + cells.numbers().size() + " numbers has no recognisable row label ('"
                        + cells.label() + "'); it was skipped.");
                continue;
            }
            accept(table, row.get(), TableLine.fitted(cells.numbers(), ApplicationRow.COLUMNS), notes);
        }
        return table;
    }

    private static void accept(ApplicationsTable table, ApplicationRow row, List<String> numbers, ParseNotes notes) {
        if (table.has(row)) {
            notes.warn("Section 三 row " + row.key() + " appears twice; the first reading was kept.");
            return;
        }
        if (numbers.size() == ApplicationRow.COLUMNS) {
            List<Integer> counts = new ArrayList<>();
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                Integer count = CountCells.count(numbers.get(c), "applications." + row.key() + "[" + c + "]", notes);
                counts.add(count);
                notes.read(count == null ? 0 : 1);
            }
            table.read(row, counts);
            return;
        }
        if (!numbers.stream().allMatch(number -> TableLine.count(number) != null)) {
            notes.warn("Section 三 row " + row.key() + " printed " + numbers.size() + " numbers for "
                    + ApplicationRow.COLUMNS + " columns, not all of them counts (" + String.join(", ", numbers)
                    + "); the row is left empty.");
            table.readShort(row, List.of());
            return;
        }
        List<Integer> counts = numbers.stream().map(TableLine::count).toList();
        // Fewer numbers than columns: either cells run together (「640020470」) or cells were lost. A split that the
        // row total confirms is the reading; several are left to the column identities; none means lost cells.
        List<List<Integer>> splits = numbers.size() < ApplicationRow.COLUMNS
                ? DigitRuns.splits(numbers, ApplicationRow.COLUMNS, DigitRuns::rowTotal)
                : List.of();
        if (splits.size() == 1) {
            table.read(row, splits.get(0));
            notes.read(ApplicationRow.COLUMNS);
            notes.warn("Section 三 row " + row.key() + " was printed as run-together digits (" + String.join(" ", numbers)
                    + "); the only split whose total is the sum of its six columns was read: " + splits.get(0) + ".");
        } else if (splits.size() > 1) {
            table.readAmbiguous(row, splits);
        } else {
            table.readShort(row, counts);
        }
    }
}
