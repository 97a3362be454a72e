package io.nianbao.rules;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.nianbao.rules.catalogue.ParseIncompleteRule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

/** The verdict on a report, derived from its findings alone so that anyone holding the findings can recompute it. */
public enum ReportStatus {
    CONSISTENT("consistent"),
    WARNINGS("warnings"),
    NEEDS_REVIEW("needsReview"),
    ERRORS("errors");

    /** Rules whose failure means the parse is too incomplete to call the report consistent. */
    private static final Set<String> INCOMPLETE_PARSE_RULES = Set.of(ParseIncompleteRule.ID);

    private final String wireName;

    ReportStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code ValidatedReport.status}. */
    public String wireName() {
        return wireName;
    }

    /**
     * errors if any ERROR failed; else needsReview if the parse is incomplete; else warnings if any WARN failed;
     * else consistent. NOT_ASSESSABLE findings count for nothing here: an identity that could not be checked
     * neither condemns nor clears a report.
     */
    public static ReportStatus of(List<Finding> findings) {
        if (anyFailed(findings, f -> f.getSeverity() == Severity.ERROR)) {
            return ERRORS;
        }
        if (anyFailed(findings, f -> INCOMPLETE_PARSE_RULES.contains(f.getRuleId()))) {
            return NEEDS_REVIEW;
        }
        if (anyFailed(findings, f -> f.getSeverity() == Severity.WARN)) {
            return WARNINGS;
        }
        return CONSISTENT;
    }

    private static boolean anyFailed(List<Finding> findings, Predicate<Finding> condition) {
        return findings.stream().anyMatch(f -> f.getOutcome() == Outcome.FAILED && condition.test(f));
    }
}
