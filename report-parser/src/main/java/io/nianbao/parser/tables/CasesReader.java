package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.nianbao.parser.ParseNotes;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.template.CaseColumn;
import io.nianbao.template.CaseGroup;

/**
 * Reads section 四's one data row of 15 numbers: 行政复议, 未经复议直接起诉, 复议后起诉, each upheld, corrected,
 * other, pending, total. Extraction often loses a cell; with fewer than 15 numbers the cells are read only when the
 * group totals leave one reading wherever the lost cells were ({@link LostCases}); otherwise every cell stays null
 * rather than shifting a count into another group. With 15, each cell is read as {@link CountCells}
 * reads counts: a negative one as printed, one that is no whole number as null, each with its warning.
 */
public final class CasesReader {
    private static final int GROUP = CaseColumn.values().length;
    public static final int CELLS = CaseGroup.values().length * GROUP;
    /** A data line carries at most a short row label; prose mentioning numbers is not table content. */
    private static final int MAX_LABEL = 8;

    private CasesReader() {
    }

    /** The three groups in order: review, litigationDirect, litigationAfterReview. */
    public record Cases(CaseOutcomes review, CaseOutcomes litigationDirect, CaseOutcomes litigationAfterReview) {
    }

    /** @return empty when the section holds no table numbers at all */
    public static Optional<Cases> read(String sectionText, ParseNotes notes) {
        List<String> printed = new ArrayList<>();
        for (String line : sectionText.split("\n")) {
            TableLine cells = TableLine.of(line);
            if (cells.hasNumbers() && cells.label().length() <= MAX_LABEL) {
                printed.addAll(cells.numbers());
            }
            if (printed.size() >= CELLS) {
                break; // the table is whole: figures after it are the next section's (its heading may be missing)
            }
        }
        if (printed.isEmpty()) {
            return Optional.empty();
        }
        printed = TableLine.fitted(printed, CELLS);
        // A digit run too long for one count is not garbled but run together, as is any short row of bare digits.
        if (printed.size() < CELLS && DigitRuns.splittable(printed)) {
            // Run-together cells (「10203120001200000」): a split is read only when the group totals leave just one.
            List<List<Integer>> splits = DigitRuns.splits(printed, CELLS, DigitRuns::groupTotals);
            if (splits.size() == 1) {
                notes.read(CELLS);
                notes.warn("Section 四 was printed as run-together digits (" + String.join(" ", printed) + "); the only"
                        + " split whose group totals hold was read: " + splits.get(0) + ".");
                return Optional.of(cases(splits.get(0)));
            }
            if (!splits.isEmpty()) {
                notes.warn("Section 四 was printed as run-together digits (" + String.join(" ", printed) + ") that "
                        + splits.size() + " splits satisfy the group totals; all section 四 cells are null.");
                return Optional.of(cases(nulls()));
            }
        }
        if (printed.size() < CELLS) {
            Optional<LostCases.Reading> decided = LostCases.decide(printed);
            if (decided.isPresent()) {
                return Optional.of(read(printed.size(), decided.get(), notes));
            }
        }
        if (printed.size() != CELLS) {
            notes.warn("Section 四 printed " + printed.size() + " numbers for " + CELLS
                    + " cells, so which cell is missing cannot be told; all section 四 cells are null.");
            return Optional.of(cases(nulls()));
        }
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < CELLS; i++) {
            Integer count = CountCells.count(printed.get(i), path(i), notes);
            counts.add(count);
            notes.read(count == null ? 0 : 1);
        }
        return Optional.of(cases(counts));
    }

    /**
     * A table that lost cells whose group totals leave one reading: the cells from the first to the last place a lost
     * cell could have been are inferred (the ones before and after sit where they were printed).
     */
    private static Cases read(int printed, LostCases.Reading decided, ParseNotes notes) {
        for (int i = decided.firstLost(); i <= decided.lastLost(); i++) {
            notes.inferred(path(i));
        }
        notes.read(CELLS - (decided.lastLost() - decided.firstLost() + 1));
        notes.warn("Section 四 printed " + printed + " numbers for " + CELLS + " cells; wherever the lost "
                + (CELLS - printed == 1 ? "cell was" : "cells were") + ", the group totals (总计 = 结果维持 + "
                + "结果纠正 + 其他结果 + 尚未审结) leave one reading, " + decided.cells() + " (see inferredCells).");
        return cases(decided.cells());
    }

    /** The path of the {@code i}-th of the 15 cells, in the template's order (review.upheld … litigationAfterReview.total). */
    private static String path(int i) {
        return CaseGroup.values()[i / GROUP].cell(CaseColumn.values()[i % GROUP]).path();
    }

    private static List<Integer> nulls() {
        return Arrays.asList(new Integer[CELLS]);
    }

    private static Cases cases(List<Integer> numbers) {
        return new Cases(group(numbers, 0), group(numbers, 1), group(numbers, 2));
    }

    private static CaseOutcomes group(List<Integer> numbers, int index) {
        int at = index * GROUP;
        return CaseOutcomes.newBuilder()
                .setUpheld(numbers.get(at))
                .setCorrected(numbers.get(at + 1))
                .setOther(numbers.get(at + 2))
                .setPending(numbers.get(at + 3))
                .setTotal(numbers.get(at + 4))
                .build();
    }
}
