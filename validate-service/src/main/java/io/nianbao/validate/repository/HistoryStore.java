package io.nianbao.validate.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.nianbao.rules.History;
import io.nianbao.rules.ReportHistory;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;

/**
 * The local view of the compacted topic reports.history: the latest report per agency and year, with the revision
 * findings it had. Loaded from the topic at start and kept up to date from it, and by this instance as it
 * validates; the topic, not this map, is what survives a restart.
 */
@ApplicationScoped
public class HistoryStore {
    public static final String TOPIC = io.nianbao.schema.Topics.HISTORY;

    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final AvroCodec<ReportHistoryEntry> CODEC = AvroCodec.of(ReportHistoryEntry.class);
    /** What the topic held before ReportHistoryEntry: the bare report. */
    private static final AvroCodec<ParsedReport> LEGACY_CODEC = AvroCodec.of(ParsedReport.class);

    private final ReportHistory history = new ReportHistory();
    private final Map<String, ReportHistoryEntry> entries = new ConcurrentHashMap<>();

    /** The history topic's key: the agency key of the Kafka records, then the year. */
    public static String topicKey(String agencyKey, int year) {
        return ReportHistory.entryKey(agencyKey, year);
    }

    /**
     * A value of the history topic: a ReportHistoryEntry, or a bare ParsedReport written before entries existed
     * (taken as an entry without revision findings).
     *
     * @throws UndecodableRecordException when it is neither
     */
    public static ReportHistoryEntry decode(byte[] value) {
        try {
            return CODEC.decode(value);
        } catch (UndecodableRecordException notAnEntry) {
            try {
                return ReportHistoryEntry.newBuilder().setReport(LEGACY_CODEC.decode(value)).build();
            } catch (UndecodableRecordException notAReport) {
                throw notAnEntry;
            }
        }
    }

    /** A record of the history topic, keyed {@link #topicKey}; a tombstone or an undecodable value is skipped. */
    public void load(String topicKey, byte[] value) {
        if (topicKey == null || value == null || topicKey.lastIndexOf('|') < 0) {
            return;
        }
        try {
            record(topicKey.substring(0, topicKey.lastIndexOf('|')), decode(value));
        } catch (UndecodableRecordException e) {
            // Written only by this service, so a bug or an unknown schema: skip it rather than stop reading the
            // history; the report it stood for keeps its ValidatedReport.
            LOG.warnf("skipping history entry %s: %s", topicKey, e.getMessage());
        }
    }

    public void record(String agencyKey, ReportHistoryEntry entry) {
        ParsedReport report = entry.getReport();
        history.record(agencyKey, report);
        if (report.getYear() != null) {
            entries.put(topicKey(agencyKey, report.getYear()), entry);
        }
    }

    public ParsedReport find(String agencyKey, int year) {
        return history.find(agencyKey, year);
    }

    public History historyOf(String agencyKey, ParsedReport report) {
        return history.historyOf(agencyKey, report);
    }

    /**
     * Other agencies' reports kept here that {@code report} changes the verdict of: those whose prose it nearly
     * repeats (COPY-PEER flags both copies) and its county's 本级政府 report when it is one of the county's
     * departments or towns (HIER-SUM); each with the history it is judged again with now that {@code report}
     * arrived after it. None for a report without a year.
     */
    public Map<ReportHistory.Entry, History> dependentsOf(String agencyKey, ParsedReport report) {
        if (report.getYear() == null) {
            return Map.of();
        }
        Map<ReportHistory.Entry, History> dependents = new LinkedHashMap<>();
        history.peerEntriesOf(agencyKey, report).stream()
                .filter(peer -> CopyPeerRule.nearIdentical(report, peer.report()))
                .forEach(copy -> dependents.put(copy, history.historyOnceRecorded(copy, agencyKey, report)));
        history.countyGovernmentsOf(agencyKey, report)
                .forEach(county -> dependents.put(county, history.historyOnceRecorded(county, agencyKey, report)));
        return dependents;
    }

    /** The revision findings recorded for this very report (same report id) in its agency and year; else none. */
    public List<Finding> revisionFindings(String agencyKey, ParsedReport report) {
        ReportHistoryEntry entry = report.getYear() == null ? null : entries.get(topicKey(agencyKey, report.getYear()));
        return entry != null && entry.getReport().getReportId().equals(report.getReportId())
                ? entry.getRevisionFindings() : List.of();
    }
}
