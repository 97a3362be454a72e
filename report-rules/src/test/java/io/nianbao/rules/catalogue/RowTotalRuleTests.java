package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;

class RowTotalRuleTests {
    private final RowTotalRule rule = new RowTotalRule();

    @Test
    void consistentReportsOfBothTemplatesHaveNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
        assertThat(rule.evaluate(ReportFixture.consistent2019().build())).isEmpty();
    }

    @Test
    void aRowWhoseTotalIsNotTheSumOfItsApplicantsFails() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("denied.stateSecret", 0, 2).cell("denied.stateSecret", 3, 1).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S3-ROWTOTAL");
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).hasSize(7).startsWith("applications.denied.stateSecret[0]")
                    .endsWith("applications.denied.stateSecret[6]");
            assertThat(finding.getExpected()).isEqualTo("3");
            assertThat(finding.getFound()).isEqualTo("0");
            assertThat(finding.getMessageZh()).contains("属于国家秘密");
        });
    }

    @Test
    void anUnreadApplicantCellMakesOnlyItsRowNotAssessable() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().cell("granted", 1, null).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getCells()).containsExactly("applications.granted[1]");
        });
    }

    @Test
    void eachTemplateIsCheckedOnItsOwnOtherHandlingRows() {
        assertThat(rule.evaluate(ReportFixture.consistent2019().cell("otherHandling.total", 6, 99).build()))
                .singleElement().extracting(Finding::getFound).isEqualTo("99");
        // the 2021 template has no single （六） row: a stray one is not part of its table
        assertThat(rule.evaluate(ReportFixture.consistent2021().cell("otherHandling.total", 6, 99).build())).isEmpty();
        assertThat(rule.evaluate(ReportFixture.consistent2021().withoutRow("otherHandling.noFee").build()))
                .singleElement().extracting(Finding::getOutcome).isEqualTo(Outcome.NOT_ASSESSABLE);
    }

    @Test
    void anUnrecognisedTemplateIsCheckedOnTheOtherHandlingRowsTheParserFound() {
        assertThat(rule.evaluate(ReportFixture.consistent2019().unknownTemplate()
                .cell("otherHandling.total", 6, 99).build()))
                .singleElement().extracting(f -> f.getCells().get(0)).isEqualTo("applications.otherHandling.total[0]");
        assertThat(rule.evaluate(ReportFixture.consistent2021().unknownTemplate()
                .cell("otherHandling.noFee", 6, 99).build()))
                .singleElement().extracting(f -> f.getCells().get(0)).isEqualTo("applications.otherHandling.noFee[0]");
    }
}
