package io.nianbao.validate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class AlertsTests {
    private static final String REPORT = "e".repeat(64);

    @Test
    void theAlertIdIsTheSameForTheSameFailureWhateverItsMessageOrValues() {
        Finding first = finding("S3-BALANCE", List.of("a[0]", "b[0]"), "12");
        Finding again = finding("S3-BALANCE", List.of("a[0]", "b[0]"), "13");

        assertThat(Alerts.alertId(REPORT, first)).isEqualTo(Alerts.alertId(REPORT, again)).matches("[0-9a-f]{64}");
    }

    @Test
    void theAlertIdDiffersByReportRuleAndCells() {
        Finding finding = finding("S3-BALANCE", List.of("a[0]", "b[0]"), "12");

        assertThat(List.of(
                Alerts.alertId(REPORT, finding),
                Alerts.alertId("f".repeat(64), finding),
                Alerts.alertId(REPORT, finding("S3-RESULTS", List.of("a[0]", "b[0]"), "12")),
                Alerts.alertId(REPORT, finding("S3-BALANCE", List.of("a[1]", "b[1]"), "12")),
                // the separator keeps ["a[0]b[0]"] apart from ["a[0]", "b[0]"]
                Alerts.alertId(REPORT, finding("S3-BALANCE", List.of("a[0]b[0]"), "12"))))
                .doesNotHaveDuplicates();
    }

    private static Finding finding(String ruleId, List<String> cells, String found) {
        return Finding.newBuilder().setRuleId(ruleId).setSeverity(Severity.ERROR).setOutcome(Outcome.FAILED)
                .setMessageZh("不成立").setMessageEn("does not hold").setCells(cells).setExpected("11").setFound(found)
                .build();
    }
}
