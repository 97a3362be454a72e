package io.nianbao.validate.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.nianbao.rules.History;
import io.nianbao.rules.ReportHistory;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;

/**
 * The local view of the compacted topic reports.history: the latest report per agency and year. Loaded from
 * the topic at start and kept up to date from it, and by this instance as it validates; the topic, not this
 * map, is what survives a restart.
 */
@ApplicationScoped
public class HistoryStore {
    /** The compacted topic (not yet in io.nianbao.schema.Topics, which belongs to the shared schema module). */
    public static final String TOPIC = io.nianbao.schema.Topics.HISTORY;

    private static final Logger LOG = Logger.getLogger(HistoryStore.class);

    private final ReportHistory history = new ReportHistory();
    private final AvroCodec<ParsedReport> codec = AvroCodec.of(ParsedReport.class);

    /** The history topic's key: the agency key of the Kafka records, then the year. */
    public static String topicKey(String agencyKey, int year) {
        return ReportHistory.entryKey(agencyKey, year);
    }

    /** A record of the history topic, keyed {@link #topicKey}; a tombstone or an undecodable value is skipped. */
    public void load(String topicKey, byte[] value) {
        if (topicKey == null || value == null || topicKey.lastIndexOf('|') < 0) {
            return;
        }
        try {
            history.record(topicKey.substring(0, topicKey.lastIndexOf('|')), codec.decode(value));
        } catch (UndecodableRecordException e) {
            // Written only by this service, so a bug or an older schema: skip it rather than stop reading the
            // history; the report it stood for keeps its ValidatedReport.
            LOG.warnf("skipping history entry %s: %s", topicKey, e.getMessage());
        }
    }

    public void record(String agencyKey, ParsedReport report) {
        history.record(agencyKey, report);
    }

    public ParsedReport find(String agencyKey, int year) {
        return history.find(agencyKey, year);
    }

    public History historyOf(String agencyKey, ParsedReport report) {
        return history.historyOf(agencyKey, report);
    }
}
