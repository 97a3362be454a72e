package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures a report's prose states for one of its section 二 document rows: 「集中公开现行有效行政规范性文件698件」 states
 * 698 in force, 「本年度制发的规范性文件88件」 88 issued. Section 二 has no identity between its cells, so these are what
 * can choose among the splits of a row printed as run-together digits (「8855698」). Only a clause (between
 * 「，。；、」) that names the row, exactly one of its columns and exactly one count of 件 states a figure; anything
 * looser could pair a count with the wrong column.
 */
final class StatedFigures {
    private static final String CLAUSE_END = "，。；、！？,;!?\n";
    private static final Pattern PIECES = Pattern.compile("(\\d+)\\s*件");

    private StatedFigures() {
    }

    /** A figure the prose states for the row's column {@code column}. */
    record Figure(int column, int value, String clause) {
    }

    /**
     * @param row     what names the row in prose (「规范性文件」)
     * @param columns what names each column in prose, in column order (制发, 废止, 现行有效)
     */
    static List<Figure> of(String prose, Pattern row, List<Pattern> columns) {
        List<Figure> figures = new ArrayList<>();
        // Only the clauses that name the row, found where the row is named rather than by cutting the whole prose.
        Matcher naming = row.matcher(prose);
        int from = 0;
        while (from < prose.length() && naming.find(from)) {
            int start = naming.start();
            while (start > 0 && CLAUSE_END.indexOf(prose.charAt(start - 1)) < 0) {
                start--;
            }
            int end = naming.end();
            while (end < prose.length() && CLAUSE_END.indexOf(prose.charAt(end)) < 0) {
                end++;
            }
            figure(prose.substring(start, end), columns).ifPresent(figures::add);
            from = end;
        }
        return figures;
    }

    /** The figure a clause that names the row states: one of its columns named, one count of 件. */
    private static Optional<Figure> figure(String clause, List<Pattern> columns) {
        List<Integer> named = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).matcher(clause).find()) {
                named.add(c);
            }
        }
        Matcher pieces = PIECES.matcher(clause);
        List<Integer> counts = new ArrayList<>();
        while (pieces.find()) {
            counts.add(Integer.valueOf(pieces.group(1)));
        }
        return named.size() == 1 && counts.size() == 1
                ? Optional.of(new Figure(named.get(0), counts.get(0), clause.strip()))
                : Optional.empty();
    }

    /** The splits that agree with every figure stated (a column stated twice with two values leaves none). */
    static List<List<Integer>> agreeing(List<List<Integer>> splits, List<Figure> figures) {
        return splits.stream()
                .filter(split -> figures.stream().allMatch(figure -> split.get(figure.column()) == figure.value()))
                .toList();
    }
}
