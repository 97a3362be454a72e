package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.nianbao.template.CaseCell;
import io.nianbao.template.CaseColumn;
import io.nianbao.template.CaseGroup;
import io.nianbao.template.CellPath;
import io.nianbao.template.Identity;

/**
 * Section 四 that lost one or two of its 15 cells in extraction: every place the lost cells could have been is tried,
 * each lost cell solved from its group's total (总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, all counts
 * non-negative). The table is read only when every possible placement gives the same 15 cells — seed 003's 14 zeros
 * are 15 zeros wherever the lost one stood; a placement that leaves a cell open (two lost in one group) means more
 * than one reading, and nothing is read.
 */
final class LostCases {
    /** More lost cells than this leave too many placements for the totals to decide. */
    private static final int MAX_LOST = 2;
    private static final int CELLS = CasesReader.CELLS;
    private static final int GROUP = CaseColumn.values().length;

    private LostCases() {
    }

    /**
     * @param cells     the 15 cells in order
     * @param firstLost the first position a lost cell could have been at: cells before it are read as printed
     * @param lastLost  the last such position: cells after it are read as printed
     */
    record Reading(List<Integer> cells, int firstLost, int lastLost) {
    }

    static Optional<Reading> decide(List<String> printed) {
        int lost = CELLS - printed.size();
        if (lost < 1 || lost > MAX_LOST) {
            return Optional.empty();
        }
        List<Integer> counts = new ArrayList<>();
        for (String number : printed) {
            Integer count = TableLine.count(number);
            if (count == null || count < 0) {
                return Optional.empty();
            }
            counts.add(count);
        }
        Set<List<Integer>> readings = new HashSet<>();
        int firstLost = CELLS;
        int lastLost = -1;
        for (int[] places : placements(lost)) {
            Integer[] cells = placed(counts, places);
            Boolean solved = solve(cells);
            if (solved == null) {
                return Optional.empty(); // a reading with a cell the totals leave open: not decided
            }
            if (solved) {
                readings.add(List.of(cells));
                firstLost = Math.min(firstLost, places[0]);
                lastLost = Math.max(lastLost, places[places.length - 1]);
            }
        }
        return readings.size() == 1
                ? Optional.of(new Reading(readings.iterator().next(), firstLost, lastLost))
                : Optional.empty();
    }

    /** Every set of {@code lost} positions among the 15, ascending. */
    private static List<int[]> placements(int lost) {
        List<int[]> placements = new ArrayList<>();
        for (int first = 0; first < CELLS; first++) {
            if (lost == 1) {
                placements.add(new int[] {first});
                continue;
            }
            for (int second = first + 1; second < CELLS; second++) {
                placements.add(new int[] {first, second});
            }
        }
        return placements;
    }

    private static Integer[] placed(List<Integer> counts, int[] places) {
        Integer[] cells = new Integer[CELLS];
        int next = 0;
        int place = 0;
        for (int i = 0; i < CELLS; i++) {
            if (place < places.length && places[place] == i) {
                place++;
            } else {
                cells[i] = counts.get(next++);
            }
        }
        return cells;
    }

    /**
     * Fills the open cells from their groups' totals ({@link Identity#caseTotal}: parts on the left, 总计 on the right).
     *
     * @return true when every group then holds, false when this placement breaks a total (or needs a negative count),
     *         null when a group's total leaves a cell open
     */
    private static Boolean solve(Integer[] cells) {
        for (CaseGroup group : CaseGroup.values()) {
            Identity total = Identity.caseTotal(group);
            List<Integer> openParts = new ArrayList<>();
            long parts = 0;
            for (CellPath part : total.left()) {
                Integer cell = cells[index((CaseCell) part)];
                if (cell == null) {
                    openParts.add(index((CaseCell) part));
                } else {
                    parts += cell;
                }
            }
            int totalAt = index((CaseCell) total.right().get(0));
            Integer printedTotal = cells[totalAt];
            if (printedTotal == null) {
                if (!openParts.isEmpty()) {
                    return null;
                }
                cells[totalAt] = (int) parts;
            } else if (printedTotal < parts) {
                return false;
            } else if (openParts.size() == 1) {
                cells[openParts.get(0)] = (int) (printedTotal - parts);
            } else if (printedTotal == parts) {
                openParts.forEach(at -> cells[at] = 0); // non-negative parts summing to nothing are all 0
            } else {
                return openParts.isEmpty() ? false : null;
            }
        }
        return true;
    }

    private static int index(CaseCell cell) {
        return cell.group().ordinal() * GROUP + cell.column().ordinal();
    }
}
