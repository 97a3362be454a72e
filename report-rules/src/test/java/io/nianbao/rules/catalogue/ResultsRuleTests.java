package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;

class ResultsRuleTests {
    private final ResultsRule rule = new ResultsRule();

    @Test
    void consistentReportsOfBothTemplatesHaveNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
        assertThat(rule.evaluate(ReportFixture.consistent2019().build())).isEmpty();
    }

    @Test
    void aColumnWhoseResultsDoNotAddUpToTotalProcessedFails() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("otherHandling.other", 5, 0)
                .cell("denied.processInformation", 5, 3).cell("totalProcessed", 5, 2).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S3-RESULTS");
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            // 21 result rows of the 2021 template, then （七）总计
            assertThat(finding.getCells()).hasSize(22)
                    .contains("applications.denied.processInformation[5]", "applications.otherHandling.noFee[5]")
                    .endsWith("applications.totalProcessed[5]");
            assertThat(finding.getExpected()).isEqualTo("3");
            assertThat(finding.getFound()).isEqualTo("2");
        });
    }

    @Test
    void the2019TemplateSumsItsSingleOtherHandlingRow() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2019().cell("otherHandling.total", 0, 0).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getCells()).hasSize(20).contains("applications.otherHandling.total[0]")
                    .doesNotContain("applications.otherHandling.other[0]");
            assertThat(Long.parseLong(finding.getExpected())).isEqualTo(Long.parseLong(finding.getFound()) - 1);
        });
    }

    @Test
    void the2021TemplateIgnoresAStraySingleOtherHandlingRow() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().cell("otherHandling.total", 0, 5).build())).isEmpty();
    }

    @Test
    void anUnreadResultCellMakesItsColumnNotAssessable() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().cell("unavailable.notHeld", 3, null).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getCells()).containsExactly("applications.unavailable.notHeld[3]");
        });
    }
}
