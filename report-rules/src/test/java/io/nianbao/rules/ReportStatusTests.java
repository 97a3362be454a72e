package io.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class ReportStatusTests {

    @Test
    void aReportWithoutFindingsIsConsistent() {
        assertThat(ReportStatus.of(List.of())).isEqualTo(ReportStatus.CONSISTENT);
    }

    @Test
    void identitiesThatCouldNotBeCheckedLeaveAReportConsistent() {
        assertThat(ReportStatus.of(List.of(finding("S3-BALANCE", Severity.INFO, Outcome.NOT_ASSESSABLE))))
                .isEqualTo(ReportStatus.CONSISTENT);
    }

    @Test
    void aFailedWarningMakesWarnings() {
        assertThat(ReportStatus.of(List.of(finding("SEC5-EMPTY", Severity.WARN, Outcome.FAILED))))
                .isEqualTo(ReportStatus.WARNINGS);
    }

    @Test
    void anIncompleteParseNeedsReviewEvenWithOtherWarnings() {
        assertThat(ReportStatus.of(List.of(
                finding("SEC5-EMPTY", Severity.WARN, Outcome.FAILED),
                finding("PARSE-INCOMPLETE", Severity.WARN, Outcome.FAILED))))
                .isEqualTo(ReportStatus.NEEDS_REVIEW);
    }

    @Test
    void aFailedErrorMakesErrorsEvenWhenTheParseIsIncomplete() {
        assertThat(ReportStatus.of(List.of(
                finding("PARSE-INCOMPLETE", Severity.WARN, Outcome.FAILED),
                finding("S4-TOTAL", Severity.ERROR, Outcome.FAILED))))
                .isEqualTo(ReportStatus.ERRORS);
    }

    @Test
    void wireNamesAreTheOnesOfTheSchema() {
        assertThat(ReportStatus.values()).extracting(ReportStatus::wireName)
                .containsExactlyInAnyOrder("consistent", "errors", "warnings", "needsReview");
    }

    private static Finding finding(String ruleId, Severity severity, Outcome outcome) {
        return Finding.newBuilder().setRuleId(ruleId).setSeverity(severity).setOutcome(outcome)
                .setMessageZh("测试").setMessageEn("test").build();
    }
}
