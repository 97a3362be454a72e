package io.nianbao.validate.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.nianbao.rules.FingerprintPeer;
import io.nianbao.rules.History;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.Validation;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.schema.Alert;
import io.nianbao.schema.CopyFound;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.PlacePartitioner;
import io.nianbao.validate.repository.PartitionHistory;

/**
 * Judges one parsed report against its partition's history: its own verdict, and the verdicts of the reports kept
 * there whose verdict it changes (the agency's next year when that arrived first, its copies, its county's
 * government report), each judged again now that it is known; and a kept report again when a copy of it arrived in
 * another partition. Plain Java: the stream processor publishes what it returns and records the report's history
 * entry.
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
    public Judgment judge(String agencyKey, String province, ParsedReport report, PartitionHistory history) {
        return history.withLookupsKept(() -> judgeAll(agencyKey, province, report, history));
    }

    /**
     * The kept report a {@link CopyFound} names, judged again with the copy among its fingerprint peers (COPY-PEER
     * alone, its other findings from its last verdict): the copy is named here before the global index may show it
     * to this instance. None when the report is no longer kept (another of its agency and year replaced it, and was
     * judged against the index then).
     */
    public Optional<Verdict> judgeAgainForCopy(CopyFound found, PartitionHistory history) {
        String agencyKey = HistoryIndex.agencyKeyOf(found.getEntryKey());
        return history.withLookupsKept(() -> {
            ParsedReport kept = history.find(agencyKey, HistoryIndex.yearOf(found.getEntryKey()));
            if (kept == null || !kept.getReportId().equals(found.getReportId())) {
                return Optional.empty();
            }
            FingerprintPeer copy = new FingerprintPeer(found.getCopyEntryKey(), found.getCopyPlace(),
                    found.getCopyReportId(), found.getCopyAgency(), found.getCopyYear(), found.getSimilarity());
            return Optional.of(new Verdict(agencyKey, kept.getDivision().getProvinceCode(), judgeAgain(agencyKey, kept,
                    Set.of(History.Part.FINGERPRINT_PEERS),
                    parts -> history.historyOf(agencyKey, kept, parts).withFingerprintPeer(copy), history)));
        });
    }

    private Judgment judgeAll(String agencyKey, String province, ParsedReport report, PartitionHistory history) {
        List<Verdict> verdicts = new ArrayList<>();
        History itsHistory = history.historyOf(agencyKey, report);
        verdicts.add(new Verdict(agencyKey, province, judge(agencyKey, report, itsHistory, history)));
        // Its next year, when that arrived first, is judged again with this report as its year before; of two
        // near-identical reports both are flagged (COPY-PEER), also the one that arrived first; a county
        // government's report is compared again with its parts (HIER-SUM) when one of them arrives after it.
        for (HistoryIndex.Dependent dependent : history.dependentsOf(agencyKey, report)) {
            HistoryIndex.Entry kept = dependent.entry();
            // The agency's own: where the arrival's records go. Another agency's: where its division says.
            String itsProvince = kept.agencyKey().equals(agencyKey) ? province
                    : kept.report().getDivision().getProvinceCode();
            verdicts.add(new Verdict(kept.agencyKey(), itsProvince, judgeAgain(kept.agencyKey(), kept.report(),
                    dependent.changed(), parts -> history.historyOnceRecorded(kept, agencyKey, report, parts),
                    history)));
        }
        // Its copies kept in other partitions are judged again there.
        List<CopyFound> copiesElsewhere = itsHistory.fingerprintPeers().stream()
                .filter(peer -> CopyPeerRule.isCopy(report, peer))
                .map(peer -> copyFound(peer, agencyKey, report)).toList();
        return new Judgment(verdicts, copiesElsewhere);
    }

    private static CopyFound copyFound(FingerprintPeer kept, String agencyKey, ParsedReport copy) {
        return CopyFound.newBuilder().setEntryKey(kept.entryKey()).setReportId(kept.reportId()).setPlace(kept.place())
                .setCopyEntryKey(HistoryIndex.entryKey(agencyKey, copy.getYear()))
                .setCopyPlace(PlacePartitioner.placeOf(copy)).setCopyReportId(copy.getReportId())
                .setCopyAgency(copy.getAgency()).setCopyYear(copy.getYear()).setSimilarity(kept.similarity()).build();
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
    public static ReportHistoryEntry historyEntry(ParsedReport report, Judgment judgment) {
        return ReportHistoryEntry.newBuilder().setReport(report)
                .setRevisionFindings(judgment.verdicts().get(0).validation().revisionFindings()).build();
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

    /**
     * An arrived report judged: the verdicts to publish, its own first, then those of the kept reports it changes;
     * and its copies kept in other partitions, for their partitions to judge again.
     */
    public record Judgment(List<Verdict> verdicts, List<CopyFound> copiesElsewhere) {
    }

    /** A report judged, published under its own agency's key and province (null when unknown). */
    public record Verdict(String agencyKey, String province, Validation validation) {

        public List<Alert> alerts(Instant raisedAt) {
            return Alerts.of(validation, raisedAt);
        }
    }
}
