package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class BalanceRuleTests {
    private final BalanceRule rule = new BalanceRule();

    @Test
    void consistentReportsOfBothTemplatesHaveNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
        assertThat(rule.evaluate(ReportFixture.consistent2019().build())).isEmpty();
    }

    @Test
    void anUnbalancedColumnFailsOnceWithItsFourCellsAndBothSides() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("newApplications", 0, 5).cell("carriedOver", 0, 1)
                .cell("totalProcessed", 0, 4).cell("carriedForward", 0, 1)
                .build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S3-BALANCE");
            assertThat(finding.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).containsExactly("applications.newApplications[0]",
                    "applications.carriedOver[0]", "applications.totalProcessed[0]", "applications.carriedForward[0]");
            assertThat(finding.getExpected()).isEqualTo("6");
            assertThat(finding.getFound()).isEqualTo("5");
            assertThat(finding.getMessageZh()).contains("自然人", "应为 6", "实为 5");
            assertThat(finding.getMessageEn()).contains("naturalPerson", "expected 6", "found 5");
        });
    }

    @Test
    void everyUnbalancedColumnIsItsOwnFinding() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("carriedOver", 1, 7).cell("carriedOver", 6, 9).build());

        assertThat(findings).extracting(f -> f.getCells().get(1))
                .containsExactly("applications.carriedOver[1]", "applications.carriedOver[6]");
    }

    @Test
    void anUnreadCellMakesItsColumnNotAssessableInsteadOfBeingCountedAsZero() {
        // column 4 has one application carried forward: read as 0 it would not balance
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().cell("carriedForward", 4, null).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
            assertThat(finding.getCells()).containsExactly("applications.carriedForward[4]");
            assertThat(finding.getExpected()).isNull();
            assertThat(finding.getFound()).isNull();
        });
    }

    @Test
    void aMissingTableIsOneNotAssessableFinding() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().withoutApplications().build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getCells()).containsExactly("applications");
        });
    }
}
