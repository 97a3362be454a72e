package io.nianbao.template;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An equation the template's tables satisfy: Σ left = Σ right over cells. The parser's inference fills cells from
 * these and the rules check them; both take them from here.
 */
public record Identity(Family family, List<CellPath> left, List<CellPath> right) {

    /** The kinds of identity of the two templates. */
    public enum Family {
        /** Section 三, every row: the six applicant columns sum to 总计. */
        ROW_TOTAL("总计（六类申请人之和）", "the total = the sum of the six applicant columns"),
        /** Section 三, every column: 一 + 二 = （七）总计 + 四, the 勾稽关系 the template prints. */
        COLUMN_BALANCE("勾稽关系（本年新收 + 上年结转 = 办理结果总计 + 结转下年度）",
                "the balance newApplications + carriedOver = totalProcessed + carriedForward"),
        /** Section 三, every column: （七）总计 = Σ 办理结果 rows. */
        RESULTS_SUM("办理结果合计（（七）总计 = 各项办理结果之和）", "totalProcessed = the sum of the result rows"),
        /** Section 四, every group: 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
        CASE_TOTAL("总计（结果维持 + 结果纠正 + 其他结果 + 尚未审结）", "total = upheld + corrected + other + pending");

        private final String descriptionZh;
        private final String descriptionEn;

        Family(String descriptionZh, String descriptionEn) {
            this.descriptionZh = descriptionZh;
            this.descriptionEn = descriptionEn;
        }

        public String descriptionZh() {
            return descriptionZh;
        }

        public String descriptionEn() {
            return descriptionEn;
        }
    }

    public Identity {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** Section 三, {@code row}: Σ six applicant columns = 总计. */
    public static Identity rowTotal(ApplicationRow row) {
        return Made.ROW_TOTALS.get(row);
    }

    /** Section 三, {@code column}: 本年新收 + 上年结转 = （七）总计 + 结转下年度. */
    public static Identity columnBalance(ApplicantColumn column) {
        return Made.COLUMN_BALANCES.get(column);
    }

    /** Section 三, {@code column}: Σ the template's 办理结果 rows = （七）总计. */
    public static Identity resultsSum(Template template, ApplicantColumn column) {
        return (template == Template.Y2019 ? Made.RESULTS_SUMS_2019 : Made.RESULTS_SUMS_2021).get(column);
    }

    /** Section 四, {@code group}: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
    public static Identity caseTotal(CaseGroup group) {
        return Made.CASE_TOTALS.get(group);
    }

    /** The identities made once: the parser's inference asks for them in its inner loop. */
    private static final class Made {
        static final Map<ApplicationRow, Identity> ROW_TOTALS = each(ApplicationRow.class, Identity::makeRowTotal);
        static final Map<ApplicantColumn, Identity> COLUMN_BALANCES = each(ApplicantColumn.class,
                Identity::makeColumnBalance);
        static final Map<ApplicantColumn, Identity> RESULTS_SUMS_2019 = each(ApplicantColumn.class,
                column -> makeResultsSum(Template.Y2019, column));
        static final Map<ApplicantColumn, Identity> RESULTS_SUMS_2021 = each(ApplicantColumn.class,
                column -> makeResultsSum(Template.Y2021, column));
        static final Map<CaseGroup, Identity> CASE_TOTALS = each(CaseGroup.class, Identity::makeCaseTotal);

        private static <K extends Enum<K>> Map<K, Identity> each(Class<K> keys, Function<K, Identity> make) {
            Map<K, Identity> made = new EnumMap<>(keys);
            for (K key : keys.getEnumConstants()) {
                made.put(key, make.apply(key));
            }
            return made;
        }
    }

    private static Identity makeRowTotal(ApplicationRow row) {
        return new Identity(Family.ROW_TOTAL, ApplicantColumn.APPLICANTS.stream().map(row::cell)
                .map(CellPath.class::cast).toList(), List.of(row.cell(ApplicantColumn.TOTAL)));
    }

    private static Identity makeColumnBalance(ApplicantColumn column) {
        return new Identity(Family.COLUMN_BALANCE,
                List.of(ApplicationRow.NEW_APPLICATIONS.cell(column), ApplicationRow.CARRIED_OVER.cell(column)),
                List.of(ApplicationRow.TOTAL_PROCESSED.cell(column), ApplicationRow.CARRIED_FORWARD.cell(column)));
    }

    private static Identity makeResultsSum(Template template, ApplicantColumn column) {
        return new Identity(Family.RESULTS_SUM,
                template.resultRows().stream().map(row -> (CellPath) row.cell(column)).toList(),
                List.of(ApplicationRow.TOTAL_PROCESSED.cell(column)));
    }

    private static Identity makeCaseTotal(CaseGroup group) {
        return new Identity(Family.CASE_TOTAL, List.copyOf(group.parts()), List.of(group.total()));
    }

    /** Every cell of the identity, left then right. */
    public List<CellPath> cells() {
        List<CellPath> cells = new ArrayList<>(left);
        cells.addAll(right);
        return cells;
    }

    /** The identity over the values {@code values} gives (null for a cell not read). */
    public Check check(Function<? super CellPath, ? extends Number> values) {
        List<CellPath> unread = new ArrayList<>();
        long leftSum = sum(left, values, unread);
        long rightSum = sum(right, values, unread);
        return new Check(this, List.copyOf(unread), leftSum, rightSum);
    }

    private static long sum(List<CellPath> cells, Function<? super CellPath, ? extends Number> values,
            List<CellPath> unread) {
        // long: a sum of many int cells must not overflow into a false match
        long sum = 0;
        for (CellPath cell : cells) {
            Number value = values.apply(cell);
            if (value == null) {
                unread.add(cell);
            } else {
                sum += value.longValue();
            }
        }
        return sum;
    }

    /**
     * An identity checked: {@code unread} the cells that held no value (never summed as 0), and the two sums over the
     * cells that did.
     */
    public record Check(Identity identity, List<CellPath> unread, long left, long right) {

        /** Every cell was read, so the identity can be judged. */
        public boolean assessable() {
            return unread.isEmpty();
        }

        /** Every cell was read and the sums differ. */
        public boolean broken() {
            return assessable() && left != right;
        }
    }
}
