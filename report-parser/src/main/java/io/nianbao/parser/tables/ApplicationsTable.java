package io.nianbao.parser.tables;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.nianbao.template.ApplicationRow;

/**
 * Section 三 as read: the 7 cells of every row found (null where not read), and for rows that printed fewer than
 * 7 numbers, those numbers, so an inferred row can be checked against what was printed.
 */
public final class ApplicationsTable {
    private final Map<ApplicationRow, Integer[]> cells = new EnumMap<>(ApplicationRow.class);
    private final Map<ApplicationRow, List<Integer>> shortRows = new EnumMap<>(ApplicationRow.class);
    private final Map<ApplicationRow, List<List<Integer>>> splitCandidates = new EnumMap<>(ApplicationRow.class);
    private boolean columnWise;

    void read(ApplicationRow row, List<Integer> numbers) {
        cells.put(row, numbers.toArray(new Integer[0]));
    }

    void readShort(ApplicationRow row, List<Integer> printed) {
        cells.put(row, new Integer[ApplicationRow.COLUMNS]);
        shortRows.put(row, List.copyOf(printed));
    }

    /** A row printed as run-together digits that several splits satisfy: only the column identities can choose. */
    void readAmbiguous(ApplicationRow row, List<List<Integer>> candidates) {
        cells.put(row, new Integer[ApplicationRow.COLUMNS]);
        shortRows.put(row, List.of());
        splitCandidates.put(row, List.copyOf(candidates));
    }

    /** A row read by its place that the identities did not confirm. */
    void forget(ApplicationRow row) {
        cells.remove(row);
    }

    /** The split of a run-together row that the column identities chose. */
    void resolve(ApplicationRow row, List<Integer> split) {
        cells.put(row, split.toArray(new Integer[0]));
        shortRows.remove(row);
        splitCandidates.remove(row);
    }

    /** The table was printed column by column and its identities confirmed that reading. */
    void rebuiltFromColumns() {
        columnWise = true;
    }

    /** Whether the extractor printed this report's tables column by column, as the section's identities confirmed. */
    public boolean columnWise() {
        return columnWise;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public boolean has(ApplicationRow row) {
        return cells.containsKey(row);
    }

    /** @return a copy of the row's 7 cells, or empty when the row was not found */
    public Optional<Integer[]> row(ApplicationRow row) {
        Integer[] found = cells.get(row);
        return Optional.ofNullable(found == null ? null : Arrays.copyOf(found, found.length));
    }

    Map<ApplicationRow, Integer[]> cells() {
        return cells;
    }

    Map<ApplicationRow, List<Integer>> shortRows() {
        return shortRows;
    }

    Map<ApplicationRow, List<List<Integer>>> splitCandidates() {
        return splitCandidates;
    }

    /** 2021 when a （六） item row was read, 2019 when the single （六） row was; empty when neither. */
    public Optional<String> template() {
        if (ApplicationRow.OTHER_HANDLING_ITEMS.stream().anyMatch(cells::containsKey)) {
            return Optional.of("2021");
        }
        return cells.containsKey(ApplicationRow.OTHER_TOTAL) ? Optional.of("2019") : Optional.empty();
    }
}
