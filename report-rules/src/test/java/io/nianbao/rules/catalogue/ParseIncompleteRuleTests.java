package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class ParseIncompleteRuleTests {
    private final ParseIncompleteRule rule = new ParseIncompleteRule();

    @Test
    void aCompleteParseHasNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void aMissingSectionThreeTableFailsAsAWarning() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().withoutApplications().build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("PARSE-INCOMPLETE");
            assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).containsExactly("applications");
        });
    }

    @Test
    void aMissingSectionFourTableFailsButOneMissingGroupDoesNot() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().withoutCaseGroup("review")
                .withoutCaseGroup("litigationDirect").withoutCaseGroup("litigationAfterReview").build()))
                .singleElement().extracting(Finding::getCells)
                .isEqualTo(List.of("review", "litigationDirect", "litigationAfterReview"));
        assertThat(rule.evaluate(ReportFixture.consistent2021().withoutCaseGroup("review").build())).isEmpty();
    }

    @Test
    void aSectionFourTableFoundWithNoNumberReadFailsLikeAMissingOne() {
        ReportFixture unreadable = ReportFixture.consistent2021();
        for (String group : List.of("review", "litigationDirect", "litigationAfterReview")) {
            unreadable.caseGroup(group, null, null, null, null, null);
        }

        assertThat(rule.evaluate(unreadable.build())).singleElement().extracting(Finding::getCells)
                .isEqualTo(List.of("review", "litigationDirect", "litigationAfterReview"));
    }

    @Test
    void tooFewCellsReadFailsAndTheThresholdItselfPasses() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().cellsRead(100, 190).build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getExpected()).isEqualTo(">= 152");
                    assertThat(finding.getFound()).isEqualTo("100");
                    assertThat(finding.getMessageEn()).contains("100 of 190");
                });
        assertThat(rule.evaluate(ReportFixture.consistent2021().cellsRead(152, 190).build())).isEmpty();
    }

    @Test
    void aParseThatDidNotCountCellsIsNotJudgedOnTheShare() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().cellsRead(0, 0).build())).isEmpty();
    }
}
