package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.Optional;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.CellPath;
import io.nianbao.template.Identity;

/** One identity of the template checked on a report: the shape of every arithmetic rule. */
final class Equation {
    private Equation() {
    }

    /**
     * @param subjectZh what the identity is, in Chinese, e.g. 第三部分「自然人」列勾稽关系（…）
     * @param subjectEn the same in English
     * @return nothing when it holds; NOT_ASSESSABLE when a cell was not read (never summed as 0); FAILED with
     *         expected = Σ left and found = Σ right otherwise
     */
    static Optional<Finding> check(Rule rule, Identity identity, ParsedReport report, String subjectZh,
            String subjectEn) {
        Identity.Check check = identity.check(cell -> cell.valueIn(report));
        if (!check.assessable()) {
            List<String> unread = check.unread().stream().map(CellPath::path).toList();
            String list = String.join(", ", unread);
            return Optional.of(Findings.notAssessable(rule, unread,
                    subjectZh + "无法核对，未读出：" + list,
                    subjectEn + " cannot be checked; not read: " + list));
        }
        if (!check.broken()) {
            return Optional.empty();
        }
        return Optional.of(Findings.failed(rule, identity.cells().stream().map(CellPath::path).toList(),
                Long.toString(check.left()), Long.toString(check.right()),
                subjectZh + "不成立：应为 " + check.left() + "，实为 " + check.right(),
                subjectEn + " does not hold: expected " + check.left() + ", found " + check.right()));
    }
}
