package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nianbao.parser.ParseNotes;

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
                && ApplicationRow.OTHER_HANDLING_2021.stream().noneMatch(table::has);
        List<ApplicationRow> rows = singleOtherRow ? withSingleOtherRow(ApplicationRow.of(template))
                : ApplicationRow.of(template);
        Set<Identity> broken = broken(table, rows, notes);
        if (!broken.contains(Identity.COLUMN_BALANCE) && !broken.contains(Identity.RESULTS_SUM)) {
            chooseSplits(table, rows, notes);
        }
        Set<ApplicationRow> rejected = EnumSet.noneOf(ApplicationRow.class);
        Map<ApplicationRow, Integer[]> solved;
        while (true) {
            solved = solve(table, rows, rejected, broken);
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
                    paths.add("applications." + row.path() + "[" + c + "]");
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

    /** The 2021 rows with the one 「（六）其他处理」 row in place of its three items, as some 2021 reports print it. */
    private static List<ApplicationRow> withSingleOtherRow(List<ApplicationRow> rows2021) {
        List<ApplicationRow> rows = new ArrayList<>(rows2021);
        rows.removeAll(ApplicationRow.OTHER_HANDLING_2021);
        rows.add(ApplicationRow.OTHER_TOTAL);
        return rows;
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
        for (ApplicationRow row : ApplicationRow.OTHER_HANDLING_2021) {
            table.read(row, items);
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                if (items.get(c) != null) {
                    notes.inferred("applications." + row.path() + "[" + c + "]");
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
    private static void chooseSplits(ApplicationsTable table, List<ApplicationRow> rows, ParseNotes notes) {
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
        List<ApplicationRow> results = rows.stream().filter(row -> row.kind() == ApplicationRow.Kind.RESULT).toList();
        Map<ApplicationRow, Integer[]> grid = new EnumMap<>(ApplicationRow.class);
        table.cells().forEach((row, cells) -> grid.put(row, cells.clone()));
        List<List<List<Integer>>> accepted = new ArrayList<>();
        choose(table, ambiguous, 0, new ArrayList<>(), grid, results, accepted);
        if (accepted.size() != 1) {
            return;
        }
        for (int i = 0; i < ambiguous.size(); i++) {
            ApplicationRow row = ambiguous.get(i);
            List<Integer> split = accepted.get(0).get(i);
            int ways = table.splitCandidates().get(row).size();
            table.resolve(row, split);
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                notes.inferred("applications." + row.path() + "[" + c + "]");
            }
            notes.warn("Section 三 row " + row.path() + " was printed as run-together digits that split " + ways
                    + " ways satisfying its row total; the column identities leave only " + split
                    + " (see inferredCells).");
        }
    }

    private static void choose(ApplicationsTable table, List<ApplicationRow> ambiguous, int index,
            List<List<Integer>> chosen, Map<ApplicationRow, Integer[]> grid, List<ApplicationRow> results,
            List<List<List<Integer>>> accepted) {
        if (accepted.size() > 1) {
            return;
        }
        if (index == ambiguous.size()) {
            if (columnsHold(grid, results)) {
                accepted.add(List.copyOf(chosen));
            }
            return;
        }
        ApplicationRow row = ambiguous.get(index);
        for (List<Integer> split : table.splitCandidates().get(row)) {
            grid.put(row, split.toArray(new Integer[0]));
            chosen.add(split);
            choose(table, ambiguous, index + 1, chosen, grid, results, accepted);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Every column identity whose cells are all known holds. */
    private static boolean columnsHold(Map<ApplicationRow, Integer[]> grid, List<ApplicationRow> results) {
        return brokenColumns(grid, results, new ArrayList<>()).isEmpty();
    }

    /** The column identities that fail where all their cells are known; {@code where} gets each place. */
    private static Set<Identity> brokenColumns(Map<ApplicationRow, Integer[]> grid, List<ApplicationRow> results,
            List<String> where) {
        Set<Identity> broken = EnumSet.noneOf(Identity.class);
        for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
            Long in = sum(grid, List.of(ApplicationRow.NEW_APPLICATIONS, ApplicationRow.CARRIED_OVER), c);
            Long out = sum(grid, List.of(ApplicationRow.TOTAL_PROCESSED, ApplicationRow.CARRIED_FORWARD), c);
            if (in != null && out != null && !in.equals(out)) {
                broken.add(Identity.COLUMN_BALANCE);
                where.add("column " + c);
            }
            Long processed = sum(grid, List.of(ApplicationRow.TOTAL_PROCESSED), c);
            Long resultSum = sum(grid, results, c);
            if (processed != null && resultSum != null && !processed.equals(resultSum)) {
                broken.add(Identity.RESULTS_SUM);
                where.add("results of column " + c);
            }
        }
        return broken;
    }

    /** @return the column's sum over the rows, or null when one of the cells is unknown */
    private static Long sum(Map<ApplicationRow, Integer[]> grid, List<ApplicationRow> rows, int column) {
        return sum(grid, rows, column, column + 1);
    }

    /** @return the sum of the columns [from, to) over the rows, or null when one of the cells is unknown */
    private static Long sum(Map<ApplicationRow, Integer[]> grid, List<ApplicationRow> rows, int from, int to) {
        long sum = 0;
        for (ApplicationRow row : rows) {
            for (int column = from; column < to; column++) {
                Integer value = value(grid, new Cell(row, column));
                if (value == null) {
                    return null;
                }
                sum += value;
            }
        }
        return sum;
    }

    private static String describeSplit(ApplicationRow row, int candidates, int inferred) {
        String read = "Section 三 row " + row.path() + " was printed as run-together digits that "
                + (candidates >= DigitRuns.MAX_CANDIDATES ? "at least " : "") + candidates
                + " splits satisfy its row total";
        return read + (inferred == ApplicationRow.COLUMNS
                ? "; the column identities chose one of them (see inferredCells)."
                : "; the column identities do not decide between them, so its cells are null.");
    }

    private static String describe(ApplicationRow row, int printed, int inferred, boolean contradicted) {
        String read = "Section 三 row " + row.path() + " printed " + printed + " numbers for " + ApplicationRow.COLUMNS
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

    /** The template's identities of section 三, each of which may fill cells only while the table keeps it. */
    private enum Identity {
        ROW_TOTAL("a row's total is the sum of its six applicant columns"),
        COLUMN_BALANCE("新收 + 上年结转 = 总计 + 结转下年度 in each column"),
        RESULTS_SUM("总计 is the sum of the result rows in each column");

        private final String description;

        Identity(String description) {
            this.description = description;
        }
    }

    /**
     * Identities the table breaks where all their cells were printed. A broken identity says the report's own
     * arithmetic is off, so a cell inferred from it would be a guess (the rules report the break). A negative count
     * breaks what every inference rests on (counts are never negative), so then nothing is inferred at all.
     */
    private static Set<Identity> broken(ApplicationsTable table, List<ApplicationRow> rows, ParseNotes notes) {
        Map<ApplicationRow, Integer[]> grid = table.cells();
        if (grid.values().stream().flatMap(Arrays::stream).anyMatch(cell -> cell != null && cell < 0)) {
            notes.warn("Section 三 prints a negative count, so its identities cannot be trusted to fill cells; no cell"
                    + " was inferred.");
            return EnumSet.allOf(Identity.class);
        }
        List<String> where = new ArrayList<>();
        Set<Identity> broken = EnumSet.noneOf(Identity.class);
        for (ApplicationRow row : grid.keySet()) {
            Long applicants = sum(grid, List.of(row), 0, ApplicationRow.TOTAL_COLUMN);
            Long total = sum(grid, List.of(row), ApplicationRow.TOTAL_COLUMN);
            if (applicants != null && total != null && !applicants.equals(total)) {
                broken.add(Identity.ROW_TOTAL);
                where.add(row.path());
            }
        }
        List<ApplicationRow> results = rows.stream().filter(row -> row.kind() == ApplicationRow.Kind.RESULT).toList();
        broken.addAll(brokenColumns(grid, results, where));
        for (Identity identity : broken) {
            notes.warn("Section 三 as printed breaks the identity that " + identity.description + " (" + String.join(
                    ", ", where) + "); no cell was inferred from it.");
        }
        return broken;
    }

    private static Map<ApplicationRow, Integer[]> solve(ApplicationsTable table, List<ApplicationRow> rows,
            Set<ApplicationRow> rejected, Set<Identity> broken) {
        Map<ApplicationRow, Integer[]> grid = new EnumMap<>(ApplicationRow.class);
        table.cells().forEach((row, cells) -> grid.put(row, cells.clone()));
        Set<ApplicationRow> fillable = EnumSet.noneOf(ApplicationRow.class);
        table.shortRows().keySet().stream().filter(row -> !rejected.contains(row)).forEach(fillable::add);
        List<ApplicationRow> results = rows.stream().filter(row -> row.kind() == ApplicationRow.Kind.RESULT).toList();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (ApplicationRow row : broken.contains(Identity.ROW_TOTAL) ? Set.<ApplicationRow>of() : grid.keySet()) {
                List<Cell> applicants = new ArrayList<>();
                for (int c = 0; c < ApplicationRow.TOTAL_COLUMN; c++) {
                    applicants.add(new Cell(row, c));
                }
                progress |= balance(grid, fillable, applicants, List.of(new Cell(row, ApplicationRow.TOTAL_COLUMN)));
            }
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                if (!broken.contains(Identity.COLUMN_BALANCE)) {
                    progress |= balance(grid, fillable, List.of(new Cell(ApplicationRow.NEW_APPLICATIONS, c),
                            new Cell(ApplicationRow.CARRIED_OVER, c)), List.of(new Cell(ApplicationRow.TOTAL_PROCESSED,
                            c), new Cell(ApplicationRow.CARRIED_FORWARD, c)));
                }
                int column = c;
                if (!broken.contains(Identity.RESULTS_SUM)) {
                    progress |= balance(grid, fillable, results.stream().map(row -> new Cell(row, column)).toList(),
                            List.of(new Cell(ApplicationRow.TOTAL_PROCESSED, c)));
                }
            }
        }
        return grid;
    }

    private record Cell(ApplicationRow row, int column) {
    }

    /** Σ left = Σ right: fills what it determines; returns whether it filled anything. */
    private static boolean balance(Map<ApplicationRow, Integer[]> grid, Set<ApplicationRow> fillable, List<Cell> left,
            List<Cell> right) {
        long known = 0;
        List<Cell> unknownLeft = new ArrayList<>();
        List<Cell> unknownRight = new ArrayList<>();
        for (Cell cell : left) {
            Integer value = value(grid, cell);
            if (value != null) {
                known += value;
            } else if (fillable.contains(cell.row())) {
                unknownLeft.add(cell);
            } else {
                return false;
            }
        }
        for (Cell cell : right) {
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
            Cell cell = unknownLeft.isEmpty() ? unknownRight.get(0) : unknownLeft.get(0);
            if (value < 0 || value > Integer.MAX_VALUE) {
                return false;
            }
            grid.get(cell.row())[cell.column()] = (int) value;
            return true;
        }
        if (known == 0 && (unknownLeft.isEmpty() != unknownRight.isEmpty())) {
            // Non-negative unknowns on one side that must sum to 0 are all 0.
            (unknownLeft.isEmpty() ? unknownRight : unknownLeft)
                    .forEach(cell -> grid.get(cell.row())[cell.column()] = 0);
            return true;
        }
        return false;
    }

    private static Integer value(Map<ApplicationRow, Integer[]> grid, Cell cell) {
        Integer[] cells = grid.get(cell.row());
        return cells == null ? null : cells[cell.column()];
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
