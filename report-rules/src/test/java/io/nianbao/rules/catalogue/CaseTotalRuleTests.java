package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class CaseTotalRuleTests {
    private final CaseTotalRule rule = new CaseTotalRule();

    @Test
    void aConsistentSectionFourHasNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void aGroupWhoseTotalIsNotTheSumOfItsOutcomesFails() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .caseGroup("litigationDirect", 1, 1, 0, 0, 1).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S4-TOTAL");
            assertThat(finding.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).containsExactly("litigationDirect.upheld", "litigationDirect.corrected",
                    "litigationDirect.other", "litigationDirect.pending", "litigationDirect.total");
            assertThat(finding.getExpected()).isEqualTo("2");
            assertThat(finding.getFound()).isEqualTo("1");
            assertThat(finding.getMessageZh()).contains("未经复议直接起诉");
        });
    }

    @Test
    void anUnreadCellMakesItsGroupNotAssessable() {
        // the pending case is the one that makes review add up: read as 0 the group would fail
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .caseGroup("review", 1, 1, 0, null, 3).build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getCells()).containsExactly("review.pending");
        });
    }

    @Test
    void aMissingGroupIsNotAssessable() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021().withoutCaseGroup("litigationAfterReview").build());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
            assertThat(finding.getCells()).hasSize(5).allMatch(cell -> cell.startsWith("litigationAfterReview."));
        });
    }
}
