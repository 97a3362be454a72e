package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.DecisionCounts;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;

class NumberDomainRuleTests {
    private final NumberDomainRule rule = new NumberDomainRule();

    @Test
    void aReportWithoutNegativeFiguresHasNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void everyNegativeSectionThreeOrFourCellIsOneFinding() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("granted", 2, -1).cell("denied.queryMatters", 6, -3)
                .caseGroup("review", 1, 1, 0, -1, 1).build());

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactly("applications.granted[2]", "applications.denied.queryMatters[6]", "review.pending");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("NUM-DOMAIN");
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getExpected()).isEqualTo(">= 0");
        });
        assertThat(findings).extracting(Finding::getFound).containsExactly("-1", "-3", "-1");
    }

    @Test
    void sectionTwoCountsAndAmountsMustNotBeNegativeButTheSignedChangeMay() {
        ActiveDisclosure active = ActiveDisclosure.newBuilder()
                .setRegulations(DocumentCounts.newBuilder().setNewlyMade(-2).setNewlyPublished(1).build())
                .setLicensing(DecisionCounts.newBuilder().setLastYearItems(40).setChange(-5).setDecisions(30).build())
                .setFees(Fees.newBuilder().setAmountWan(-1.5).setChange(-1).build())
                .build();

        List<Finding> findings = rule.evaluate(ReportFixture.consistent2019().active(active).build());

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactly("active.regulations.newlyMade", "active.fees.amountWan");
        assertThat(findings).extracting(Finding::getFound).containsExactly("-2", "-1.5");
    }

    @Test
    void unreadCellsAreNotNegative() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().cell("granted", 0, null)
                .caseGroup("review", null, null, null, null, null).build())).isEmpty();
    }

    @Test
    void aCountCellPrintedAsAFractionOrANegativeNumberIsOneFindingPerCellTheParserNamed() {
        ParsedReport report = ParsedReport.newBuilder(ReportFixture.consistent2021().build())
                .setWarnings(List.of(
                        "NON_INTEGER_COUNT applications.granted[0] '2.5'",
                        "Section 三 row denied.queryMatters: '-2' is not a count; the row is left empty.",
                        "Section 四 heading was not found."))
                .build();

        List<Finding> findings = rule.evaluate(report);

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactly("applications.granted[0]", "applications.denied.queryMatters");
        assertThat(findings).extracting(Finding::getFound).containsExactly("2.5", "-2");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getExpected()).isEqualTo("a non-negative integer");
        });
    }

    @Test
    void warningsAboutOtherThingsThanCountsAreNoFinding() {
        ParsedReport report = ParsedReport.newBuilder(ReportFixture.consistent2021().build())
                .setWarnings(List.of("Section 三 row granted appears twice; the first reading was kept.",
                        "Section 二 row licensing printed 2 numbers for 1 columns; its cells are null."))
                .build();

        assertThat(rule.evaluate(report)).isEmpty();
    }
}
