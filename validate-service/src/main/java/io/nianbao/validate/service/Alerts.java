package io.nianbao.validate.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.nianbao.rules.Validation;
import io.nianbao.schema.Alert;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** The alerts of a validation: one per alerting finding (a FAILED ERROR, or a revision). */
final class Alerts {
    private Alerts() {
    }

    static List<Alert> of(Validation validation, Instant raisedAt) {
        ParsedReport report = validation.report();
        return validation.alerting().stream()
                .map(finding -> Alert.newBuilder()
                        .setAlertId(alertId(report.getReportId(), finding))
                        .setReportId(report.getReportId())
                        .setAgency(report.getAgency())
                        .setYear(report.getYear())
                        .setProvinceCode(report.getDivision().getProvinceCode())
                        .setSourceUrl(report.getSource().getUrl())
                        .setFinding(finding)
                        .setRaisedAt(raisedAt)
                        .build())
                .toList();
    }

    /**
     * SHA-256 hex of reportId, ruleId and the cells, one per line: the same failure of the same report gets
     * the same id on every redelivery or re-validation, so the store keeps it once.
     */
    static String alertId(String reportId, Finding finding) {
        String identity = reportId + "\n" + finding.getRuleId() + "\n" + String.join("\n", finding.getCells());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
