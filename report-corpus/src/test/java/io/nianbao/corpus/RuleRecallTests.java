package io.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nianbao.corpus.render.Form;
import io.nianbao.rules.Rule;
import io.nianbao.rules.RuleEngine;

/**
 * Issue 4's corpus figures: every injected inconsistency is flagged FAILED by the rule its injection names (100%
 * recall) and no consistent report gets a FAILED ERROR finding (0 false errors) — on the truths (the rules alone) and
 * on the text renderings as the parser reads them (parser and rules together). The tables are printed for
 * docs/BENCHMARKS.md.
 */
class RuleRecallTests {
    private static final long SEED = 2026;
    private static final double INJECTED = 0.3;
    /** Enough for every injection kind to occur (checked below). */
    private static final int REPORTS = 150;

    private static List<LabelledReport> corpus;
    private static RuleRecall.Result onTruths;
    private static RuleRecall.Result onParsedText;

    @BeforeAll
    static void measure() {
        corpus = new ReportGenerator(SEED, INJECTED).reports(REPORTS);
        RuleRecall recall = new RuleRecall();
        onTruths = recall.onTruths(corpus);
        onParsedText = recall.onParsed(new Accuracy().parse(corpus, Form.TEXT), "the text renderings, parsed");
        System.out.println(onTruths.table());
        System.out.println(onParsedText.table());
    }

    @Test
    void everyInjectionNamesARuleOfTheCatalogue() {
        List<String> catalogue = new RuleEngine().rules().stream().map(Rule::id).toList();

        assertThat(Arrays.stream(Injection.values()).map(Injection::ruleId)).allMatch(catalogue::contains);
    }

    @Test
    void theCorpusCarriesEveryInjectionKind() {
        assertThat(onTruths.rows()).extracting(RuleRecall.Row::injection).containsExactly(Injection.values());
        assertThat(onTruths.rows()).allSatisfy(row -> assertThat(row.injected()).as(row.row()).isPositive());
        assertThat(onTruths.consistent()).isGreaterThan(REPORTS / 2);
    }

    @Test
    void theRulesFlagEveryInjectionInTheTruths() {
        assertThat(onTruths.misses()).as(onTruths.table()).isEmpty();
        assertThat(onTruths.caught()).isEqualTo(onTruths.injected());
    }

    @Test
    void theRulesRaiseNoErrorOnAConsistentTruth() {
        assertThat(onTruths.falseErrors()).as(onTruths.table()).isEmpty();
    }

    /** Every injection is caught through the parser, NUM-DOMAIN's negative count too (read as printed, warned). */
    @Test
    void theRulesFlagEveryInjectionInTheParsedText() {
        assertThat(onParsedText.unread()).isZero();
        assertThat(onParsedText.misses()).as(onParsedText.table()).isEmpty();
        assertThat(onParsedText.rows()).allSatisfy(row -> assertThat(row.caught()).as(row.row()).isEqualTo(row.injected()));
    }

    @Test
    void theRulesRaiseNoErrorOnTheParsedTextOfAConsistentReport() {
        assertThat(onParsedText.falseErrors()).as(onParsedText.table()).isEmpty();
    }
}
