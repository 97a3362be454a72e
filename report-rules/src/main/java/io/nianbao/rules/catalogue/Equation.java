package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;

/** An identity Σ left = Σ right over report cells, the shape of every arithmetic rule of the template. */
record Equation(List<Cell> left, List<Cell> right) {

    /**
     * @param subjectZh what the identity is, in Chinese, e.g. 第三部分「自然人」列勾稽关系（…）
     * @param subjectEn the same in English
     * @return nothing when it holds; NOT_ASSESSABLE when a cell was not read (never summed as 0); FAILED with
     *         expected = Σ left and found = Σ right otherwise
     */
    Optional<Finding> check(Rule rule, String subjectZh, String subjectEn) {
        List<Cell> cells = new ArrayList<>(left);
        cells.addAll(right);
        List<String> unread = cells.stream().filter(Cell::unread).map(Cell::path).toList();
        if (!unread.isEmpty()) {
            String list = String.join(", ", unread);
            return Optional.of(Findings.notAssessable(rule, unread,
                    subjectZh + "无法核对，未读出：" + list,
                    subjectEn + " cannot be checked; not read: " + list));
        }
        long expected = sum(left);
        long found = sum(right);
        if (expected == found) {
            return Optional.empty();
        }
        return Optional.of(Findings.failed(rule, cells.stream().map(Cell::path).toList(),
                Long.toString(expected), Long.toString(found),
                subjectZh + "不成立：应为 " + expected + "，实为 " + found,
                subjectEn + " does not hold: expected " + expected + ", found " + found));
    }

    private static long sum(List<Cell> cells) {
        // long: a sum of many int cells must not overflow into a false match
        return cells.stream().mapToLong(Cell::value).sum();
    }
}
