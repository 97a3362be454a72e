package io.nianbao.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.nianbao.rules.catalogue.RevisionRule;

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

    /**
     * Warnings that raise an alert all the same: a report changed after publication is what the oversight
     * offices must hear of, although the new version may well be consistent.
     */
    static final Set<String> ALERTING_WARNINGS = Set.of(RevisionRule.ID);
    private static final Set<String> REVISION_RULES = RevisionRule.FINDING_IDS;

    /**
     * The findings that raise an alert: an ERROR rule that FAILED (not one that could not be assessed), and a
     * revision.
     */
    public List<Finding> alerting() {
        return findings.stream()
                .filter(f -> f.getOutcome() == Outcome.FAILED)
                .filter(f -> f.getSeverity() == Severity.ERROR || ALERTING_WARNINGS.contains(f.getRuleId()))
                .toList();
    }

    /**
     * The findings that compare the report with an earlier report of the same agency and year (PUB-CHANGED,
     * PUB-DUP): kept in the history entry, since that earlier report is gone once the later one replaced it.
     */
    public List<Finding> revisionFindings() {
        return findings.stream().filter(f -> REVISION_RULES.contains(f.getRuleId())).toList();
    }

    /**
     * This validation with the revision findings of an earlier validation of the same report added: judged again
     * without the same year's earlier report (a redelivery, or the year before arriving later), it keeps what
     * that comparison found.
     */
    public Validation withRevisionFindings(List<Finding> earlier) {
        List<Finding> all = new ArrayList<>(findings);
        earlier.stream().filter(f -> REVISION_RULES.contains(f.getRuleId())).filter(f -> !all.contains(f)).forEach(all::add);
        return new Validation(report, all, ReportStatus.of(all), rulesVersion);
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
