package io.nianbao.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.nianbao.rules.catalogue.BalanceRule;
import io.nianbao.rules.catalogue.BodyYearRule;
import io.nianbao.rules.catalogue.CarryChainRule;
import io.nianbao.rules.catalogue.CaseTotalRule;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.rules.catalogue.CopyPriorRule;
import io.nianbao.rules.catalogue.DivisionAmbiguousRule;
import io.nianbao.rules.catalogue.DivisionStaleRule;
import io.nianbao.rules.catalogue.EmptyProblemsRule;
import io.nianbao.rules.catalogue.FeeStatementRule;
import io.nianbao.rules.catalogue.FeeUnitRule;
import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.InForceChainRule;
import io.nianbao.rules.catalogue.LegacyStructureRule;
import io.nianbao.rules.catalogue.MissingCellRule;
import io.nianbao.rules.catalogue.NumberDomainRule;
import io.nianbao.rules.catalogue.ParseIncompleteRule;
import io.nianbao.rules.catalogue.ProseCountRule;
import io.nianbao.rules.catalogue.ProseNoneRule;
import io.nianbao.rules.catalogue.ProseSumRule;
import io.nianbao.rules.catalogue.PublishedCountsRule;
import io.nianbao.rules.catalogue.PublishedLateRule;
import io.nianbao.rules.catalogue.ResultsRule;
import io.nianbao.rules.catalogue.RevisionRule;
import io.nianbao.rules.catalogue.RowTotalRule;
import io.nianbao.rules.catalogue.ScanOnlyRule;
import io.nianbao.rules.catalogue.SectionsRule;
import io.nianbao.rules.catalogue.SelfReferenceRule;
import io.nianbao.rules.catalogue.TemplateYearRule;
import io.nianbao.rules.catalogue.TitlePeriodRule;
import io.nianbao.rules.catalogue.YearOnYearJumpRule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** Runs the rule catalogue over a report. Stateless and thread-safe. */
public final class RuleEngine {
    /**
     * Stored with every ValidatedReport, so a report can be re-validated when the catalogue changes, and with every
     * kept verdict, whose findings validate-service carries over only under the same version. Bump it whenever a
     * rule is added or removed or its logic, thresholds or messages change: {@code RulesVersionTests}
     * (report-corpus) holds the catalogue's findings on a fixed corpus to it. 6: prose clauses read across wrapped
     * lines, COPY-PEER on the global fingerprint index, and the rest since 5 that had not raised it. Not a
     * compile-time constant, which javac would copy into the classes that read it: a service compiled before a
     * raise would go on claiming the old version for the new rules.
     */
    public static final String RULES_VERSION = String.valueOf(6);

    private static final List<Rule> CATALOGUE = List.of(
            new BalanceRule(),
            new RowTotalRule(),
            new ResultsRule(),
            new CaseTotalRule(),
            new NumberDomainRule(),
            new ParseIncompleteRule(),
            new TemplateYearRule(),
            new SectionsRule(),
            new LegacyStructureRule(),
            new MissingCellRule(),
            new PublishedCountsRule(),
            new FeeUnitRule(),
            new TitlePeriodRule(),
            new BodyYearRule(),
            new ProseNoneRule(),
            new ProseCountRule(),
            new ProseSumRule(),
            new SelfReferenceRule(),
            new EmptyProblemsRule(),
            new FeeStatementRule(),
            new PublishedLateRule(),
            new ScanOnlyRule(),
            new DivisionAmbiguousRule(),
            new DivisionStaleRule(),
            new CarryChainRule(),
            new InForceChainRule(),
            new CopyPriorRule(),
            new CopyPeerRule(),
            new YearOnYearJumpRule(),
            new HierarchySumRule(),
            new RevisionRule());

    private final List<Rule> rules;

    /** The catalogue of DOMAIN.md §6. */
    public RuleEngine() {
        this(CATALOGUE);
    }

    /** Another set of rules: for tests of what runs the engine, e.g. with a rule that throws. */
    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The report alone: year-to-year rules have nothing to compare with. */
    public Validation validate(ParsedReport report) {
        return validate(report, History.none());
    }

    public Validation validate(ParsedReport report, History history) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.evaluate(report, history));
        }
        return new Validation(report, findings, ReportStatus.of(findings), RULES_VERSION);
    }

    /**
     * The report judged again after the parts {@code changed} of its history changed, given the findings of its
     * latest judgment under this {@link #RULES_VERSION}: the rules that read one of them evaluate {@code history},
     * which must hold what they read ({@link #partsReadAlong}); every other rule's findings are the earlier ones,
     * which nothing they read has changed. The findings {@link #validate} gives with the whole history, in its
     * order: each rule's in the catalogue's order (the revision findings last, as a judgment carries them over).
     */
    public Validation revalidate(ParsedReport report, History history, List<Finding> earlier, Set<History.Part> changed) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (Collections.disjoint(rule.reads(), changed)) {
                earlier.stream().filter(finding -> rule.findingIds().contains(finding.getRuleId())).forEach(findings::add);
            } else {
                findings.addAll(rule.evaluate(report, history));
            }
        }
        return new Validation(report, findings, ReportStatus.of(findings), RULES_VERSION);
    }

    /** What the rules that read one of the parts {@code changed} read: what judging a report again needs looked up. */
    public Set<History.Part> partsReadAlong(Set<History.Part> changed) {
        Set<History.Part> read = EnumSet.noneOf(History.Part.class);
        rules.stream().filter(rule -> !Collections.disjoint(rule.reads(), changed)).forEach(rule -> read.addAll(rule.reads()));
        return read;
    }
}
