package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

/** Builds the two kinds of finding a rule reports. */
final class Findings {
    private Findings() {
    }

    /** The check ran and the report contradicts it; {@code cells} are every cell the check involved. */
    static Finding failed(Rule rule, List<String> cells, String expected, String found, String messageZh,
            String messageEn) {
        return failed(rule, rule.severity(), cells, expected, found, messageZh, messageEn);
    }

    /** As {@link #failed(Rule, List, String, String, String, String)}, for a rule whose findings differ in severity. */
    static Finding failed(Rule rule, Severity severity, List<String> cells, String expected, String found,
            String messageZh, String messageEn) {
        return Finding.newBuilder()
                .setRuleId(rule.id())
                .setSeverity(severity)
                .setOutcome(Outcome.FAILED)
                .setMessageZh(messageZh)
                .setMessageEn(messageEn)
                .setCells(cells)
                .setExpected(expected)
                .setFound(found)
                .build();
    }

    /**
     * The check could not run because {@code unreadCells} were not read. Reported as INFO whatever the rule's
     * severity, so that a consumer counting ERROR findings never counts an unchecked identity as an error.
     */
    static Finding notAssessable(Rule rule, List<String> unreadCells, String messageZh, String messageEn) {
        return Finding.newBuilder()
                .setRuleId(rule.id())
                .setSeverity(Severity.INFO)
                .setOutcome(Outcome.NOT_ASSESSABLE)
                .setMessageZh(messageZh)
                .setMessageEn(messageEn)
                .setCells(unreadCells)
                .setExpected(null)
                .setFound(null)
                .build();
    }
}
