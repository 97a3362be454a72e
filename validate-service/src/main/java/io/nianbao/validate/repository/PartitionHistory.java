package io.nianbao.validate.repository;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;

import io.nianbao.rules.CountyFigures;
import io.nianbao.rules.FingerprintPeer;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.Validation;
import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.Finding;
import io.nianbao.schema.KeptVerdict;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * The year-to-year history of the agencies whose reports reach one partition of reports.parsed, in four Kafka
 * Streams key-value stores (RocksDB on disk, each backed by a compacted changelog topic, so an instance that takes
 * the partition over restores them). reports.parsed is partitioned by place (PlacePartitioner), so what the rules
 * compare is here: an agency's other years and same-year versions, its county's government and departments and
 * towns, its copies within the county. The heap holds only the reports being compared. Copies kept in other
 * partitions are found in the global {@link FingerprintIndex}, which this history keeps up to date for its reports.
 * <p>
 * Entry keys are {@code <agency key>|<year>}, the agency key being the key of the reports.parsed record.
 */
public final class PartitionHistory extends HistoryIndex {
    private static final Logger LOG = Logger.getLogger(PartitionHistory.class);
    /** Entry key → the latest ReportHistoryEntry (Avro) of that agency and year. */
    public static final String AGENCY_YEARS = "agency-years";
    /**
     * {@code <county code>|<year>|<entry key>} → the entry's {@link HierarchySumRule#figuresOf figures}: the reports
     * of a county and year as HIER-SUM adds them up, so that a department's arrival reads its county government's
     * report alone, not every report of the county (a hundred and more, each a whole report to decode). An empty
     * value (kept before the figures were) or one of another {@link HierarchySumRule#FIGURES_VERSION} is derived
     * again from the entry's report.
     */
    public static final String COUNTY_YEARS = "county-years";
    /**
     * {@code <sentence hash, 16 hex>|<entry key>} → the entry's number of sentences: COPY-PEER's lookup; and
     * {@code <sentence hash>#} → how many entries hold the sentence, so boilerplate is told without scanning it.
     */
    public static final String SENTENCES = "sentences";
    /**
     * Entry key → the {@link KeptVerdict} of the entry's report: the findings it was last published with, which
     * judging it again when one part of its history changes keeps for the rules that do not read that part.
     */
    public static final String VERDICTS = "verdicts";

    private static final int SENTENCE_PREFIX = 17;
    /** A sentence hash as 16 lower-case hex digits, as {@code %016x} writes it (the keys' format). */
    private static final HexFormat HEX = HexFormat.of();
    /** A total not read, in the county-year index's values. */
    private static final int NOT_READ = Integer.MIN_VALUE;
    private static final StringSerializer PREFIX = new StringSerializer();
    private static final AvroCodec<ReportHistoryEntry> CODEC = AvroCodec.of(ReportHistoryEntry.class);
    private static final AvroCodec<KeptVerdict> VERDICT_CODEC = AvroCodec.of(KeptVerdict.class);

    private final KeyValueStore<String, byte[]> agencyYears;
    private final KeyValueStore<String, byte[]> countyYears;
    private final KeyValueStore<String, byte[]> sentences;
    private final KeyValueStore<String, byte[]> verdicts;
    private final FingerprintIndex fingerprints;

    public PartitionHistory(KeyValueStore<String, byte[]> agencyYears, KeyValueStore<String, byte[]> countyYears,
            KeyValueStore<String, byte[]> sentences, KeyValueStore<String, byte[]> verdicts,
            FingerprintIndex fingerprints) {
        this.agencyYears = agencyYears;
        this.countyYears = countyYears;
        this.sentences = sentences;
        this.verdicts = verdicts;
        this.fingerprints = fingerprints;
    }

    /** The history of the partition whose records {@code context} processes: its stores and the global index. */
    public static PartitionHistory of(ProcessingContext context) {
        return new PartitionHistory(context.getStateStore(AGENCY_YEARS), context.getStateStore(COUNTY_YEARS),
                context.getStateStore(SENTENCES), context.getStateStore(VERDICTS),
                new FingerprintIndex(context.getStateStore(FingerprintIndex.STORE)));
    }

    /** The names of the partition's stores. */
    public static List<String> storeNames() {
        return List.of(AGENCY_YEARS, COUNTY_YEARS, SENTENCES, VERDICTS);
    }

    /**
     * The four stores: persistent (RocksDB) and logged to their changelog topics. All but the sentences behind Kafka
     * Streams' record cache, so a key written again before the next commit goes to RocksDB and the changelog once.
     * The sentences are not: COPY-PEER's lookup scans them for every sentence of every report judged, and a scan
     * through the cache merges the cache's keys with RocksDB's one by one: the scans took three times as long
     * (BENCHMARKS "Judged again by the rules that read what changed"), more than writing a sentence's holder count
     * to the changelog at every report that holds it costs, rather than once a commit.
     */
    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> storeBuilders() {
        return storeNames().stream().map(name -> {
            StoreBuilder<KeyValueStore<String, byte[]>> store = Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
            return name.equals(SENTENCES) ? store.withCachingDisabled() : store.withCachingEnabled();
        }).toList();
    }

    public ReportHistoryEntry entry(String agencyKey, int year) {
        return entry(entryKey(agencyKey, year));
    }

    /**
     * Keeps the entry as its agency's for its year, in place of the one before (which leaves the indexes); a
     * report without a year has no place in a chain.
     *
     * @return the records of the global fingerprint index's topic that make the same change there, for the caller
     *         to publish with the stores' changes ({@link FingerprintIndex#changes})
     */
    public List<KeyValue<Bytes, byte[]>> record(String agencyKey, ReportHistoryEntry entry) {
        ParsedReport report = entry.getReport();
        if (report.getYear() == null) {
            return List.of();
        }
        String key = entryKey(agencyKey, report.getYear());
        ReportHistoryEntry before = entry(key);
        if (before != null) {
            unindex(key, before.getReport());
        }
        agencyYears.put(key, CODEC.encode(entry));
        if (countyYear(report) != null) {
            countyYears.put(countyYear(report) + "|" + key, encode(HierarchySumRule.figuresOf(report)));
        }
        Set<Long> fingerprint = TextFingerprint.of(report);
        byte[] size = ByteBuffer.allocate(Integer.BYTES).putInt(fingerprint.size()).array();
        fingerprint.forEach(sentence -> {
            sentences.put(sentenceKey(sentence, key), size);
            countHolders(sentence, +1);
        });
        return fingerprints.changes(key, before == null ? null : before.getReport(), report);
    }

    private void unindex(String key, ParsedReport report) {
        if (countyYear(report) != null) {
            countyYears.delete(countyYear(report) + "|" + key);
        }
        TextFingerprint.of(report).forEach(sentence -> {
            sentences.delete(sentenceKey(sentence, key));
            countHolders(sentence, -1);
        });
    }

    private void countHolders(long sentence, int change) {
        int holders = holderCount(sentence) + change;
        if (holders > 0) {
            sentences.put(holderCountKey(sentence), ByteBuffer.allocate(Integer.BYTES).putInt(holders).array());
        } else {
            sentences.delete(holderCountKey(sentence));
        }
    }

    @Override
    protected int holderCount(long sentence) {
        byte[] count = sentences.get(holderCountKey(sentence));
        return count == null ? 0 : ByteBuffer.wrap(count).getInt();
    }

    /** Keeps the verdict's findings as its report's latest, unless the report has no year (and no entry). */
    public void keepVerdict(String agencyKey, Validation validation) {
        ParsedReport report = validation.report();
        if (report.getYear() != null) {
            verdicts.put(entryKey(agencyKey, report.getYear()), VERDICT_CODEC.encode(KeptVerdict.newBuilder()
                    .setReportId(report.getReportId()).setRulesVersion(validation.rulesVersion())
                    .setFindings(validation.findings()).build()));
        }
    }

    /**
     * The findings this very report (same id) was last published with under {@code rulesVersion}; null when none
     * are kept (a report kept by a build before verdicts were, or judged under other rules).
     */
    public List<Finding> keptFindings(String agencyKey, ParsedReport report, String rulesVersion) {
        byte[] value = report.getYear() == null ? null : verdicts.get(entryKey(agencyKey, report.getYear()));
        if (value == null) {
            return null;
        }
        KeptVerdict kept = VERDICT_CODEC.decode(value);
        return kept.getReportId().equals(report.getReportId()) && kept.getRulesVersion().equals(rulesVersion)
                ? kept.getFindings() : null;
    }

    /** The revision findings recorded for this very report (same report id) in its agency and year; else none. */
    public List<Finding> revisionFindings(String agencyKey, ParsedReport report) {
        ReportHistoryEntry entry = report.getYear() == null ? null : entry(agencyKey, report.getYear());
        return entry != null && entry.getReport().getReportId().equals(report.getReportId())
                ? entry.getRevisionFindings() : List.of();
    }

    @Override
    protected Map<String, Integer> holdersOf(long sentence) {
        Map<String, Integer> holders = new HashMap<>();
        try (KeyValueIterator<String, byte[]> scan = sentences.prefixScan(sentenceKey(sentence, ""), PREFIX)) {
            scan.forEachRemaining(holder -> holders.put(holder.key.substring(SENTENCE_PREFIX),
                    ByteBuffer.wrap(holder.value).getInt()));
        }
        return holders;
    }

    @Override
    protected boolean holds(String entryKey, long sentence) {
        return sentences.get(sentenceKey(sentence, entryKey)) != null;
    }

    @Override
    protected Map<String, CountyFigures> countyYearEntries(String countyYear) {
        Map<String, CountyFigures> entries = new TreeMap<>();
        try (KeyValueIterator<String, byte[]> scan = countyYears.prefixScan(countyYear + "|", PREFIX)) {
            scan.forEachRemaining(indexed -> {
                String key = indexed.key.substring(countyYear.length() + 1);
                CountyFigures figures = decode(indexed.value);
                if (figures == null) {
                    // Kept by a build before the figures were: derived from the report, if the history holds it.
                    ParsedReport report = reportAt(key);
                    if (report == null) {
                        // record and unindex write both together; an entry alone is a store changed by other hands.
                        LOG.warnf("county-year %s names agency-year %s, which the history does not hold: not added up",
                                countyYear, key);
                        return;
                    }
                    figures = HierarchySumRule.figuresOf(report);
                }
                entries.put(key, figures);
            });
        }
        return entries;
    }

    /** Version, county government or not, the number of totals, each total (null as its minimum), the report id. */
    private static byte[] encode(CountyFigures figures) {
        byte[] reportId = figures.reportId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer value = ByteBuffer.allocate(3 + Integer.BYTES * figures.totals().size() + reportId.length)
                .put((byte) HierarchySumRule.FIGURES_VERSION).put((byte) (figures.countyGovernment() ? 1 : 0))
                .put((byte) figures.totals().size());
        figures.totals().forEach(total -> value.putInt(total == null ? NOT_READ : total));
        return value.put(reportId).array();
    }

    /** Null when the value holds no figures of this version. */
    private static CountyFigures decode(byte[] encoded) {
        if (encoded.length == 0 || encoded[0] != HierarchySumRule.FIGURES_VERSION) {
            return null;
        }
        ByteBuffer value = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
        boolean countyGovernment = value.get() == 1;
        List<Integer> totals = new ArrayList<>();
        for (int count = value.get(); count > 0; count--) {
            int total = value.getInt();
            totals.add(total == NOT_READ ? null : total);
        }
        String reportId = new String(encoded, value.position(), value.remaining(), StandardCharsets.UTF_8);
        return new CountyFigures(reportId, countyGovernment, totals);
    }

    /** Copies kept in other partitions: those this partition keeps are compared on their whole texts. */
    @Override
    protected List<FingerprintPeer> fingerprintPeersOf(String agencyKey, ParsedReport report) {
        return fingerprints.peersOf(agencyKey, report, kept -> agencyYears.get(kept) != null);
    }

    private static String sentenceKey(long sentence, String entryKey) {
        return HEX.toHexDigits(sentence) + "|" + entryKey;
    }

    private static String holderCountKey(long sentence) {
        return HEX.toHexDigits(sentence) + "#";
    }

    private ReportHistoryEntry entry(String entryKey) {
        byte[] value = agencyYears.get(entryKey);
        return value == null ? null : CODEC.decode(value);
    }

    @Override
    protected ParsedReport reportAt(String entryKey) {
        ReportHistoryEntry entry = entry(entryKey);
        return entry == null ? null : entry.getReport();
    }
}
