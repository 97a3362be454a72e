package io.nianbao.validate.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.nianbao.rules.History;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.Validation;
import io.nianbao.schema.Alert;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.validate.repository.PartitionHistory;

/**
 * Judges one parsed report against its partition's history: its own verdict, and the verdicts of the reports kept
 * there whose verdict it changes (the agency's next year when that arrived first, its copies, its county's
 * government report), each judged again now that it is known. Plain Java: the stream processor publishes what it
 * returns and records the report's history entry.
 */
public class ValidationService {
    private final RuleEngine engine;

    public ValidationService(RuleEngine engine) {
        this.engine = engine;
    }

    /**
     * The verdicts for a report under {@code agencyKey}, its own first; {@code province} is where its records go
     * when its division names no province (what the upstream service knew).
     *
     * @throws RuntimeException when a rule throws (a bug for this one report)
     */
    public List<Verdict> judge(String agencyKey, String province, ParsedReport report, PartitionHistory history) {
        return history.withLookupsKept(() -> judgeAll(agencyKey, province, report, history));
    }

    private List<Verdict> judgeAll(String agencyKey, String province, ParsedReport report, PartitionHistory history) {
        List<Verdict> verdicts = new ArrayList<>();
        History itsHistory = history.historyOf(agencyKey, report);
        verdicts.add(new Verdict(agencyKey, province, judge(agencyKey, report, itsHistory, history)));
        ParsedReport nextYear = itsHistory.nextYear();
        if (nextYear != null) {
            // Its year before is this report now.
            verdicts.add(new Verdict(agencyKey, province, judgeAgain(agencyKey, nextYear,
                    Set.of(History.Part.PREVIOUS_YEAR), parts -> {
                        History nextYearsHistory = history.historyOf(agencyKey, nextYear, parts);
                        return new History(report, nextYearsHistory.nextYear(), null, nextYearsHistory.peers(),
                                nextYearsHistory.parts(), nextYearsHistory.fingerprintPeers());
                    }, history)));
        }
        // Of two near-identical reports both are flagged (COPY-PEER), also the one that arrived first; a county
        // government's report is compared again with its parts (HIER-SUM) when one of them arrives after it.
        for (HistoryIndex.Dependent dependent : history.dependentsOf(agencyKey, report)) {
            HistoryIndex.Entry kept = dependent.entry();
            verdicts.add(new Verdict(kept.agencyKey(), kept.report().getDivision().getProvinceCode(),
                    judgeAgain(kept.agencyKey(), kept.report(), dependent.changed(),
                            parts -> history.historyOnceRecorded(kept, agencyKey, report, parts), history)));
        }
        return verdicts;
    }

    /**
     * A kept report judged again now that the parts {@code changed} of its history did: by the rules that read
     * them, on a history with what those rules read ({@code historyWith} looks up the parts it is given), the other
     * rules' findings kept from its last verdict; by every rule on its whole history when no verdict of it is kept
     * under these rules.
     */
    private Validation judgeAgain(String agencyKey, ParsedReport report, Set<History.Part> changed,
            Function<Set<History.Part>, History> historyWith, PartitionHistory history) {
        List<Finding> earlier = history.keptFindings(agencyKey, report, RuleEngine.RULES_VERSION);
        if (earlier == null) {
            return judge(agencyKey, report, historyWith.apply(History.Part.ALL), history);
        }
        return engine.revalidate(report, historyWith.apply(engine.partsReadAlong(changed)), earlier, changed);
    }

    /** The entry the report leaves in the history: itself with its revision findings, from its own verdict. */
    public static ReportHistoryEntry historyEntry(ParsedReport report, List<Verdict> verdicts) {
        return ReportHistoryEntry.newBuilder().setReport(report)
                .setRevisionFindings(verdicts.get(0).validation().revisionFindings()).build();
    }

    /**
     * Without the same year's earlier report to compare with (a redelivery, or the next year judged again now that
     * its year before arrived), the revision findings recorded for this very report are kept.
     */
    private Validation judge(String agencyKey, ParsedReport report, History itsHistory, PartitionHistory history) {
        Validation validation = engine.validate(report, itsHistory);
        return itsHistory.sameYearPrevious() != null ? validation
                : validation.withRevisionFindings(history.revisionFindings(agencyKey, report));
    }

    /** A report judged, published under its own agency's key and province (null when unknown). */
    public record Verdict(String agencyKey, String province, Validation validation) {

        public List<Alert> alerts(Instant raisedAt) {
            return Alerts.of(validation, raisedAt);
        }
    }
}
