package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cells printed with no separator between them (a crawled page's 「640020470」 for 64|0|0|2|0|4|70): every way of
 * cutting the printed digit runs into a given number of counts. A space the page did print is always a cut; a
 * count never has a leading zero, so 「05」 is two cells. Which split is right only the template's identities can
 * tell, so callers keep the candidates that satisfy them and read the cells only when one remains.
 */
final class DigitRuns {
    /** Beyond this many candidates the run is hopeless to decide anyway; enumeration stops. */
    static final int MAX_CANDIDATES = 10_000;
    private static final int MAX_CELL_DIGITS = 9;
    /** Cuts tried before giving up: a long run into many cells has astronomically many splits to walk. */
    private static final int MAX_STEPS = 200_000;

    private DigitRuns() {
    }

    /** Whether the printed tokens are bare digit runs, the only form this splitting applies to. */
    static boolean splittable(List<String> tokens) {
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> TableLine.DIGITS.matcher(token).matches());
    }

    /**
     * @param tokens   the printed digit runs of one row, in order
     * @param cells    how many cells the row has
     * @param identity what a candidate split must satisfy
     * @return every split satisfying the identity (at most {@link #MAX_CANDIDATES}); empty when there is none or
     *         the run is too long to walk every split, so that nothing is read from it
     */
    static List<List<Integer>> splits(List<String> tokens, int cells, Predicate<List<Integer>> identity) {
        List<List<Integer>> found = new ArrayList<>();
        if (!splittable(tokens)) {
            return found;
        }
        int[] steps = {0};
        split(tokens, 0, 0, cells, new ArrayList<>(), identity, found, steps);
        return steps[0] > MAX_STEPS ? List.of() : found;
    }

    private static void split(List<String> tokens, int token, int at, int cells, List<Integer> taken,
            Predicate<List<Integer>> identity, List<List<Integer>> found, int[] steps) {
        if (found.size() >= MAX_CANDIDATES || ++steps[0] > MAX_STEPS) {
            return;
        }
        if (token == tokens.size()) {
            if (taken.size() == cells && identity.test(taken)) {
                found.add(List.copyOf(taken));
            }
            return;
        }
        String run = tokens.get(token);
        int remainingDigits = run.length() - at;
        for (int t = token + 1; t < tokens.size(); t++) {
            remainingDigits += tokens.get(t).length();
        }
        int cellsLeft = cells - taken.size();
        // Every later token needs a cell of its own, and no cell can take more digits than there are.
        if (cellsLeft < tokens.size() - token || cellsLeft > remainingDigits
                || remainingDigits > (long) cellsLeft * MAX_CELL_DIGITS) {
            return;
        }
        int maxLength = run.charAt(at) == '0' ? 1 : Math.min(MAX_CELL_DIGITS, run.length() - at);
        for (int length = 1; length <= maxLength; length++) {
            taken.add(Integer.valueOf(run.substring(at, at + length)));
            if (at + length == run.length()) {
                split(tokens, token + 1, 0, cells, taken, identity, found, steps);
            } else {
                split(tokens, token, at + length, cells, taken, identity, found, steps);
            }
            taken.remove(taken.size() - 1);
        }
    }

    /** Section 三's row identity: the last cell is the sum of the six before it. */
    static boolean rowTotal(List<Integer> row) {
        long sum = 0;
        for (int c = 0; c < row.size() - 1; c++) {
            sum += row.get(c);
        }
        return sum == row.get(row.size() - 1);
    }

    /** Section 四's identity: each group of five ends with the sum of its four outcomes. */
    static boolean groupTotals(List<Integer> cells) {
        for (int group = 0; group + 5 <= cells.size(); group += 5) {
            if (!rowTotal(cells.subList(group, group + 5))) {
                return false;
            }
        }
        return true;
    }
}
