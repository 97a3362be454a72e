package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nianbao.parser.ParseNotes;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationCell;
import io.nianbao.template.CellPath;
import io.nianbao.template.Identity;
import io.nianbao.template.Identity.Family;
import io.nianbao.template.Template;
import io.nianbao.template.ApplicationRow;

/**
 * Fills cells of short section 三 rows that the template's identities determine uniquely:
 * <ul>
 *   <li>each row: total = Σ six applicant columns;</li>
 *   <li>each column: newApplications + carriedOver = totalProcessed + carriedForward;</li>
 *   <li>each column: totalProcessed = Σ result rows.</li>
 * </ul>
 * A cell is determined when it is the only unknown of an identity, or when the known terms already balance and all
 * counts are non-negative (the unknowns must then be 0). A filled row must agree with the numbers it printed (in
 * order, one or more missing); a row that does not is left null and the whole inference is redone without it, so
 * no cell rests on a rejected one.
 */
public final class ApplicationsInference {
    /** Combinations of candidate splits tried against the column identities; beyond this the rows stay null. */
    private static final long MAX_COMBINATIONS = 100_000;

    private ApplicationsInference() {
    }

    public static void fill(ApplicationsTable table, String template, ParseNotes notes) {
        boolean singleOtherRow = "2021".equals(template) && table.has(ApplicationRow.OTHER_TOTAL)
                && ApplicationRow.OTHER_HANDLING_ITEMS.stream().noneMatch(table::has);
        // A 2021 table printing （六） as one row has the 2019 layout of the result rows.
        Template layout = singleOtherRow ? Template.Y2019 : Template.orCurrent(template);
        Set<Family> broken = broken(table, layout, notes);
        if (!broken.contains(Family.COLUMN_BALANCE) && !broken.contains(Family.RESULTS_SUM)) {
            chooseSplits(table, layout, notes);
        }
        Set<ApplicationRow> rejected = EnumSet.noneOf(ApplicationRow.class);
        Map<ApplicationRow, Integer[]> solved;
        while (true) {
            solved = solve(table, layout, rejected, broken);
            Set<ApplicationRow> contradicting = EnumSet.noneOf(ApplicationRow.class);
            for (ApplicationRow row : table.shortRows().keySet()) {
                Integer[] cells = solved.get(row);
                if (cells != null && isComplete(cells) && !agrees(table, row, cells)) {
                    contradicting.add(row);
                }
            }
            if (contradicting.isEmpty()) {
                break;
            }
            rejected.addAll(contradicting);
        }
        for (Map.Entry<ApplicationRow, List<Integer>> shortRow : table.shortRows().entrySet()) {
            ApplicationRow row = shortRow.getKey();
            Integer[] original = table.cells().get(row);
            Integer[] filled = solved.get(row);
            List<String> paths = new ArrayList<>();
            if (table.splitCandidates().containsKey(row) && !isComplete(filled)) {
                // A run-together row is one of its splits or nothing: a partial reading could contradict every split.
                filled = new Integer[ApplicationRow.COLUMNS];
            }
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                if (original[c] == null && filled[c] != null) {
                    original[c] = filled[c];
                    paths.add(row.cell(ApplicantColumn.at(c)).path());
                }
            }
            paths.forEach(notes::inferred);
            List<List<Integer>> candidates = table.splitCandidates().get(row);
            notes.warn(candidates == null
                    ? describe(row, shortRow.getValue().size(), paths.size(), rejected.contains(row))
                    : describeSplit(row, candidates.size(), paths.size()));
        }
        if (singleOtherRow) {
            fillOtherItems(table, notes);
        }
    }

    /**
     * A 2021 report that printed （六）其他处理 as one row (the 2019 layout) has that row as otherHandling.total; its
     * three items are non-negative counts summing to it, so they are 0 where it is 0 (inferred) and null elsewhere.
     */
    private static void fillOtherItems(ApplicationsTable table, ParseNotes notes) {
        Integer[] total = table.cells().get(ApplicationRow.OTHER_TOTAL);
        List<Integer> items = new ArrayList<>();
        for (Integer cell : total) {
            items.add(cell != null && cell == 0 ? 0 : null);
        }
        int inferred = (int) items.stream().filter(cell -> cell != null).count();
        for (ApplicationRow row : ApplicationRow.OTHER_HANDLING_ITEMS) {
            table.read(row, items);
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                if (items.get(c) != null) {
                    notes.inferred(row.cell(ApplicantColumn.at(c)).path());
                }
            }
        }
        notes.warn("Section 三 printed （六）其他处理 as one row, not the 2021 template's three items; it is read as "
                + "otherHandling.total, and the items are " + (inferred == ApplicationRow.COLUMNS
                        ? "0 because it is 0 in every column (see inferredCells)."
                        : "0 in the " + inferred + " columns where it is 0 (see inferredCells), null elsewhere."));
    }

    /**
     * Run-together rows that several splits satisfy (「2200003 25」): every combination of their candidate splits is
     * tried against the column identities, and taken only when exactly one combination satisfies them all.
     */
    private static void chooseSplits(ApplicationsTable table, Template layout, ParseNotes notes) {
        List<ApplicationRow> ambiguous = new ArrayList<>(table.splitCandidates().keySet());
        long combinations = 1;
        for (ApplicationRow row : ambiguous) {
            combinations *= table.splitCandidates().get(row).size();
            if (combinations > MAX_COMBINATIONS) {
                return;
            }
        }
        if (ambiguous.isEmpty()) {
            return;
        }
        Map<ApplicationRow, Integer[]> grid = new EnumMap<>(ApplicationRow.class);
        table.cells().forEach((row, cells) -> grid.put(row, cells.clone()));
        List<List<List<Integer>>> accepted = new ArrayList<>();
        choose(table, ambiguous, 0, new ArrayList<>(), grid, layout, accepted);
        if (accepted.size() != 1) {
            return;
        }
        for (int i = 0; i < ambiguous.size(); i++) {
            ApplicationRow row = ambiguous.get(i);
            List<Integer> split = accepted.get(0).get(i);
            int ways = table.splitCandidates().get(row).size();
            table.resolve(row, split);
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                notes.inferred(row.cell(ApplicantColumn.at(c)).path());
            }
            notes.warn("Section 三 row " + row.key() + " was printed as run-together digits that split " + ways
                    + " ways satisfying its row total; the column identities leave only " + split
                    + " (see inferredCells).");
        }
    }

    private static void choose(ApplicationsTable table, List<ApplicationRow> ambiguous, int index,
            List<List<Integer>> chosen, Map<ApplicationRow, Integer[]> grid, Template layout,
            List<List<List<Integer>>> accepted) {
        if (accepted.size() > 1) {
            return;
        }
        if (index == ambiguous.size()) {
            if (brokenColumns(grid, layout, new ArrayList<>()).isEmpty()) {
                accepted.add(List.copyOf(chosen));
            }
            return;
        }
        ApplicationRow row = ambiguous.get(index);
        for (List<Integer> split : table.splitCandidates().get(row)) {
            grid.put(row, split.toArray(new Integer[0]));
            chosen.add(split);
            choose(table, ambiguous, index + 1, chosen, grid, layout, accepted);
            chosen.remove(chosen.size() - 1);
        }
    }

    /**
     * The column identities (the balance and the results sum) that fail where all their cells are known; {@code where}
     * gets each place.
     */
    private static Set<Family> brokenColumns(Map<ApplicationRow, Integer[]> grid, Template layout,
            List<String> where) {
        Set<Family> broken = EnumSet.noneOf(Family.class);
        for (ApplicantColumn column : ApplicantColumn.values()) {
            if (Identity.columnBalance(column).check(cell -> value(grid, cell)).broken()) {
                broken.add(Family.COLUMN_BALANCE);
                where.add("column " + column.ordinal());
            }
            if (Identity.resultsSum(layout, column).check(cell -> value(grid, cell)).broken()) {
                broken.add(Family.RESULTS_SUM);
                where.add("results of column " + column.ordinal());
            }
        }
        return broken;
    }

    private static String describeSplit(ApplicationRow row, int candidates, int inferred) {
        String read = "Section 三 row " + row.key() + " was printed as run-together digits that "
                + (candidates >= DigitRuns.MAX_CANDIDATES ? "at least " : "") + candidates
                + " splits satisfy its row total";
        return read + (inferred == ApplicationRow.COLUMNS
                ? "; the column identities chose one of them (see inferredCells)."
                : "; the column identities do not decide between them, so its cells are null.");
    }

    private static String describe(ApplicationRow row, int printed, int inferred, boolean contradicted) {
        String read = "Section 三 row " + row.key() + " printed " + printed + " numbers for " + ApplicationRow.COLUMNS
                + " columns, so the column of each cannot be told";
        if (inferred == ApplicationRow.COLUMNS) {
            return read + "; all cells were inferred from the template's identities (see inferredCells).";
        }
        if (inferred > 0) {
            return read + "; " + inferred + " cells were inferred from the template's identities, the rest are null.";
        }
        return read + (contradicted
                ? "; the identities imply values that contradict what was printed, so the cells are null."
                : "; the cells are null.");
    }

    /** Why an identity of section 三 is broken, for the warning. */
    private static String description(Family family) {
        return switch (family) {
            case ROW_TOTAL -> "a row's total is the sum of its six applicant columns";
            case COLUMN_BALANCE -> "新收 + 上年结转 = 总计 + 结转下年度 in each column";
            case RESULTS_SUM -> "总计 is the sum of the result rows in each column";
            case CASE_TOTAL -> throw new IllegalArgumentException("no identity of section 三: " + family);
        };
    }

    /**
     * Identities the table breaks where all their cells were printed. A broken identity says the report's own
     * arithmetic is off, so a cell inferred from it would be a guess (the rules report the break). A negative count
     * breaks what every inference rests on (counts are never negative), so then nothing is inferred at all.
     */
    private static Set<Family> broken(ApplicationsTable table, Template layout, ParseNotes notes) {
        Map<ApplicationRow, Integer[]> grid = table.cells();
        if (grid.values().stream().flatMap(Arrays::stream).anyMatch(cell -> cell != null && cell < 0)) {
            notes.warn("Section 三 prints a negative count, so its identities cannot be trusted to fill cells; no cell"
                    + " was inferred.");
            return EnumSet.allOf(Family.class);
        }
        List<String> where = new ArrayList<>();
        Set<Family> broken = EnumSet.noneOf(Family.class);
        for (ApplicationRow row : grid.keySet()) {
            if (Identity.rowTotal(row).check(cell -> value(grid, cell)).broken()) {
                broken.add(Family.ROW_TOTAL);
                where.add(row.key());
            }
        }
        broken.addAll(brokenColumns(grid, layout, where));
        for (Family family : broken) {
            notes.warn("Section 三 as printed breaks the identity that " + description(family) + " (" + String.join(
                    ", ", where) + "); no cell was inferred from it.");
        }
        return broken;
    }

    private static Map<ApplicationRow, Integer[]> solve(ApplicationsTable table, Template layout,
            Set<ApplicationRow> rejected, Set<Family> broken) {
        Map<ApplicationRow, Integer[]> grid = new EnumMap<>(ApplicationRow.class);
        table.cells().forEach((row, cells) -> grid.put(row, cells.clone()));
        Set<ApplicationRow> fillable = EnumSet.noneOf(ApplicationRow.class);
        table.shortRows().keySet().stream().filter(row -> !rejected.contains(row)).forEach(fillable::add);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (ApplicationRow row : broken.contains(Family.ROW_TOTAL) ? Set.<ApplicationRow>of() : grid.keySet()) {
                progress |= balance(grid, fillable, Identity.rowTotal(row));
            }
            for (ApplicantColumn column : ApplicantColumn.values()) {
                if (!broken.contains(Family.COLUMN_BALANCE)) {
                    progress |= balance(grid, fillable, Identity.columnBalance(column));
                }
                if (!broken.contains(Family.RESULTS_SUM)) {
                    progress |= balance(grid, fillable, Identity.resultsSum(layout, column));
                }
            }
        }
        return grid;
    }

    /** Σ left = Σ right: fills what it determines; returns whether it filled anything. */
    private static boolean balance(Map<ApplicationRow, Integer[]> grid, Set<ApplicationRow> fillable,
            Identity identity) {
        long known = 0;
        List<ApplicationCell> unknownLeft = new ArrayList<>();
        List<ApplicationCell> unknownRight = new ArrayList<>();
        for (CellPath path : identity.left()) {
            ApplicationCell cell = (ApplicationCell) path;
            Integer value = value(grid, cell);
            if (value != null) {
                known += value;
            } else if (fillable.contains(cell.row())) {
                unknownLeft.add(cell);
            } else {
                return false;
            }
        }
        for (CellPath path : identity.right()) {
            ApplicationCell cell = (ApplicationCell) path;
            Integer value = value(grid, cell);
            if (value != null) {
                known -= value;
            } else if (fillable.contains(cell.row())) {
                unknownRight.add(cell);
            } else {
                return false;
            }
        }
        // known = Σ known left − Σ known right; unknowns must make up the difference.
        if (unknownLeft.size() + unknownRight.size() == 1) {
            long value = unknownLeft.isEmpty() ? known : -known;
            ApplicationCell cell = unknownLeft.isEmpty() ? unknownRight.get(0) : unknownLeft.get(0);
            if (value < 0 || value > Integer.MAX_VALUE) {
                return false;
            }
            grid.get(cell.row())[cell.column().ordinal()] = (int) value;
            return true;
        }
        if (known == 0 && (unknownLeft.isEmpty() != unknownRight.isEmpty())) {
            // Non-negative unknowns on one side that must sum to 0 are all 0.
            (unknownLeft.isEmpty() ? unknownRight : unknownLeft)
                    .forEach(cell -> grid.get(cell.row())[cell.column().ordinal()] = 0);
            return true;
        }
        return false;
    }

    /** The value of a section 三 cell in the grid; null when its row was not read or the cell is unknown. */
    private static Integer value(Map<ApplicationRow, Integer[]> grid, CellPath path) {
        ApplicationCell cell = (ApplicationCell) path;
        Integer[] cells = grid.get(cell.row());
        return cells == null ? null : cells[cell.column().ordinal()];
    }

    private static boolean isComplete(Integer[] cells) {
        for (Integer cell : cells) {
            if (cell == null) {
                return false;
            }
        }
        return true;
    }

    /** A run-together row must be one of its splits; a short row must keep what it printed. */
    private static boolean agrees(ApplicationsTable table, ApplicationRow row, Integer[] inferred) {
        List<List<Integer>> candidates = table.splitCandidates().get(row);
        return candidates == null ? agrees(table.shortRows().get(row), inferred)
                : candidates.contains(Arrays.asList(inferred));
    }

    /** Whether the printed numbers are the inferred row with some cells dropped, in order. */
    private static boolean agrees(List<Integer> printed, Integer[] inferred) {
        int next = 0;
        for (Integer cell : inferred) {
            if (next < printed.size() && printed.get(next).equals(cell)) {
                next++;
            }
        }
        return next == printed.size();
    }
}
