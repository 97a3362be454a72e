package io.nianbao.rules;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.rules.catalogue.BalanceRule;
import io.nianbao.rules.catalogue.CaseTotalRule;
import io.nianbao.rules.catalogue.NonNegativeRule;
import io.nianbao.rules.catalogue.ParseIncompleteRule;
import io.nianbao.rules.catalogue.ResultsRule;
import io.nianbao.rules.catalogue.RowTotalRule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** Runs the rule catalogue over a report. Stateless and thread-safe. */
public final class RuleEngine {
    /**
     * Stored with every ValidatedReport, so a report can be re-validated when the catalogue changes. Bump it
     * whenever a rule is added or removed or its logic or thresholds change.
     */
    public static final String RULES_VERSION = "1";

    private final List<Rule> rules = List.of(
            new BalanceRule(),
            new RowTotalRule(),
            new ResultsRule(),
            new CaseTotalRule(),
            new NonNegativeRule(),
            new ParseIncompleteRule());

    public List<Rule> rules() {
        return rules;
    }

    public Validation validate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.evaluate(report));
        }
        return new Validation(report, findings, ReportStatus.of(findings), RULES_VERSION);
    }
}
