package io.nianbao.corpus;

/**
 * A deliberate inconsistency a generated report carries, named after the identity or rule it breaks. The printed
 * figures (and so the truth) carry the inconsistency: the parser must read them as printed and the rules catch them.
 */
public enum Injection {
    /** One column of section 三: new + carried over ≠ total processed + carried forward. */
    S3_BALANCE("S3-BALANCE"),
    /** One section-三 row's 总计 ≠ the sum of its six applicant columns. */
    S3_ROWTOTAL("S3-ROWTOTAL"),
    /** （七）总计 ≠ the sum of the 办理结果 rows (one result cell is one too high). */
    S3_RESULTS("S3-RESULTS"),
    /** A section-四 group's 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结. */
    S4_TOTAL("S4-TOTAL"),
    /** Section 一 says 「收到…申请 N 件」 with N ≠ the table's new applications. */
    PROSE_COUNT("PROSE-COUNT"),
    /** Section 一 says no application was received while the table counts some. */
    PROSE_NONE("PROSE-NONE"),
    /** 「累计公开信息 N 条」 where N ≠ the sum of the items listed before it. */
    PROSE_SUM("PROSE-SUM"),
    /** The title's year differs from the statistics period's year. */
    YR_TITLE_PERIOD("YR-TITLE-PERIOD"),
    /** The report uses the other template than its year requires (2019 columns in 2021+, or the reverse). */
    TPL_YEAR("TPL-YEAR"),
    /** A count printed negative (a section-四 尚未审结), its group total still the sum. */
    NUM_DOMAIN("NUM-DOMAIN");

    private final String ruleId;

    Injection(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The rule (or identity) name, as the rule catalogue and the alerts spell it. */
    public String ruleId() {
        return ruleId;
    }
}
