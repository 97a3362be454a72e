package io.nianbao.rules;

import java.time.Instant;
import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;

/** What the rule engine concluded about one report. */
public record Validation(ParsedReport report, List<Finding> findings, ReportStatus status, String rulesVersion) {

    public Validation {
        findings = List.copyOf(findings);
    }

    /** The findings that raise an alert: an ERROR rule that FAILED (not one that could not be assessed). */
    public List<Finding> failedErrors() {
        return findings.stream()
                .filter(f -> f.getSeverity() == Severity.ERROR && f.getOutcome() == Outcome.FAILED)
                .toList();
    }

    public ValidatedReport toValidatedReport(Instant validatedAt) {
        return ValidatedReport.newBuilder()
                .setReport(report)
                .setStatus(status.wireName())
                .setFindings(findings)
                .setRulesVersion(rulesVersion)
                .setValidatedAt(validatedAt)
                .build();
    }
}
