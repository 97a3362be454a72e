package io.nianbao.validate.repository;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.nianbao.rules.History;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * The year-to-year history of the agencies whose reports reach one partition of reports.parsed, in three Kafka
 * Streams key-value stores (RocksDB on disk, each backed by a compacted changelog topic, so an instance that takes
 * the partition over restores them). reports.parsed is partitioned by place (PlacePartitioner), so what the rules
 * compare is here: an agency's other years and same-year versions, its county's government and departments and
 * towns, its copies within the county. The heap holds only the reports being compared.
 * <p>
 * Entry keys are {@code <agency key>|<year>}, the agency key being the key of the reports.parsed record.
 */
public final class PartitionHistory {
    /** Entry key → the latest ReportHistoryEntry (Avro) of that agency and year. */
    public static final String AGENCY_YEARS = "agency-years";
    /** {@code <county code>|<year>|<entry key>} → nothing: the reports of a county and year (HIER-SUM). */
    public static final String COUNTY_YEARS = "county-years";
    /**
     * {@code <sentence hash, 16 hex>|<entry key>} → the entry's number of sentences: COPY-PEER's lookup; and
     * {@code <sentence hash>#} → how many entries hold the sentence, so boilerplate is told without scanning it.
     */
    public static final String SENTENCES = "sentences";

    private static final int MAX_PEERS = 5;
    /** A sentence this many reports share is boilerplate: it tells no copy apart, and is not looked up. */
    private static final int BOILERPLATE = 1_000;
    private static final int SENTENCE_PREFIX = 17;
    private static final byte[] PRESENT = new byte[0];
    private static final StringSerializer PREFIX = new StringSerializer();
    private static final AvroCodec<ReportHistoryEntry> CODEC = AvroCodec.of(ReportHistoryEntry.class);

    private final KeyValueStore<String, byte[]> agencyYears;
    private final KeyValueStore<String, byte[]> countyYears;
    private final KeyValueStore<String, byte[]> sentences;

    public PartitionHistory(KeyValueStore<String, byte[]> agencyYears, KeyValueStore<String, byte[]> countyYears,
            KeyValueStore<String, byte[]> sentences) {
        this.agencyYears = agencyYears;
        this.countyYears = countyYears;
        this.sentences = sentences;
    }

    /** The three stores: persistent (RocksDB) and logged to their changelog topics. */
    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> storeBuilders() {
        return List.of(AGENCY_YEARS, COUNTY_YEARS, SENTENCES).stream()
                .map(name -> Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                        Serdes.ByteArray()))
                .toList();
    }

    public static String entryKey(String agencyKey, int year) {
        return agencyKey + "|" + year;
    }

    public static String agencyKeyOf(String entryKey) {
        return entryKey.substring(0, entryKey.lastIndexOf('|'));
    }

    public ReportHistoryEntry entry(String agencyKey, int year) {
        return entry(entryKey(agencyKey, year));
    }

    public ParsedReport find(String agencyKey, int year) {
        return report(entryKey(agencyKey, year));
    }

    /**
     * Keeps the entry as its agency's for its year, in place of the one before (which leaves the indexes); a
     * report without a year has no place in a chain.
     */
    public void record(String agencyKey, ReportHistoryEntry entry) {
        ParsedReport report = entry.getReport();
        if (report.getYear() == null) {
            return;
        }
        String key = entryKey(agencyKey, report.getYear());
        ReportHistoryEntry before = entry(key);
        if (before != null) {
            unindex(key, before.getReport());
        }
        agencyYears.put(key, CODEC.encode(entry));
        if (countyYear(report) != null) {
            countyYears.put(countyYear(report) + "|" + key, PRESENT);
        }
        Set<Long> fingerprint = TextFingerprint.of(report);
        byte[] size = ByteBuffer.allocate(Integer.BYTES).putInt(fingerprint.size()).array();
        fingerprint.forEach(sentence -> {
            sentences.put(sentenceKey(sentence, key), size);
            countHolders(sentence, +1);
        });
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

    private int holderCount(long sentence) {
        byte[] count = sentences.get(holderCountKey(sentence));
        return count == null ? 0 : ByteBuffer.wrap(count).getInt();
    }

    /**
     * The report's neighbours: the agency's years before and after; the same year's entry only when it is another
     * report (the same one again is a redelivery, not a revision); its peers and, for a county government, parts.
     */
    public History historyOf(String agencyKey, ParsedReport report) {
        Integer year = report.getYear();
        if (year == null) {
            return History.none();
        }
        ParsedReport sameYear = find(agencyKey, year);
        boolean other = sameYear != null && !sameYear.getReportId().equals(report.getReportId());
        return new History(find(agencyKey, year - 1), find(agencyKey, year + 1), other ? sameYear : null,
                reports(peersOf(agencyKey, report)), reports(partsOf(agencyKey, report)));
    }

    /**
     * Other agencies' reports kept here that {@code report} changes the verdict of: those whose prose it nearly
     * repeats (COPY-PEER flags both copies) and its county's 本级政府 report when it is one of the county's
     * departments or towns (HIER-SUM); each with the history it is judged again with now that {@code report}
     * arrived after it. None for a report without a year.
     */
    public Map<Kept, History> dependentsOf(String agencyKey, ParsedReport report) {
        if (report.getYear() == null) {
            return Map.of();
        }
        Map<Kept, History> dependents = new LinkedHashMap<>();
        peersOf(agencyKey, report).stream()
                .filter(peer -> CopyPeerRule.nearIdentical(report, peer.report()))
                .forEach(copy -> dependents.put(copy, historyOnceRecorded(copy, agencyKey, report)));
        countyGovernmentsOf(agencyKey, report)
                .forEach(county -> dependents.put(county, historyOnceRecorded(county, agencyKey, report)));
        return dependents;
    }

    /** The revision findings recorded for this very report (same report id) in its agency and year; else none. */
    public List<Finding> revisionFindings(String agencyKey, ParsedReport report) {
        ReportHistoryEntry entry = report.getYear() == null ? null : entry(agencyKey, report.getYear());
        return entry != null && entry.getReport().getReportId().equals(report.getReportId())
                ? entry.getRevisionFindings() : List.of();
    }

    /**
     * Up to {@value #MAX_PEERS} reports of other agencies sharing more than half of the two reports' (non-boilerplate)
     * sentences, taken together, the most first: COPY-PEER's candidates, which it confirms on the whole texts.
     */
    private List<Kept> peersOf(String agencyKey, ParsedReport report) {
        Set<Long> own = TextFingerprint.of(report);
        Map<String, Integer> shared = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Long sentence : own) {
            if (holderCount(sentence) <= BOILERPLATE) {
                for (KeyValue<String, byte[]> holder : holdersOf(sentence)) {
                    String key = holder.key.substring(SENTENCE_PREFIX);
                    if (!agencyKeyOf(key).equals(agencyKey)) {
                        shared.merge(key, 1, Integer::sum);
                        sizes.put(key, ByteBuffer.wrap(holder.value).getInt());
                    }
                }
            }
        }
        return shared.entrySet().stream()
                .filter(entry -> 4 * entry.getValue() > own.size() + sizes.get(entry.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PEERS)
                .map(entry -> new Kept(agencyKeyOf(entry.getKey()), report(entry.getKey())))
                .toList();
    }

    private List<KeyValue<String, byte[]>> holdersOf(long sentence) {
        List<KeyValue<String, byte[]>> holders = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> scan = sentences.prefixScan(sentenceKey(sentence, ""), PREFIX)) {
            scan.forEachRemaining(holders::add);
        }
        return holders;
    }

    /** For a county's 本级政府 report, the same year's reports of its departments and towns (HIER-SUM's parts). */
    private List<Kept> partsOf(String agencyKey, ParsedReport report) {
        if (!HierarchySumRule.isCountyGovernment(report)) {
            return List.of();
        }
        return sameCountyYear(report).stream().filter(part -> isPartOf(part, agencyKey, report)).toList();
    }

    /** The county 本级政府 reports of the same year that {@code report}, a department's or town's, is a part of. */
    private List<Kept> countyGovernmentsOf(String agencyKey, ParsedReport report) {
        Kept part = new Kept(agencyKey, report);
        return sameCountyYear(report).stream()
                .filter(county -> isPartOf(part, county.agencyKey(), county.report())).toList();
    }

    /** The reports kept for the report's county and year, in the order of their entry keys. */
    private List<Kept> sameCountyYear(ParsedReport report) {
        String countyYear = countyYear(report);
        if (countyYear == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> scan = countyYears.prefixScan(countyYear + "|", PREFIX)) {
            scan.forEachRemaining(indexed -> keys.add(indexed.key.substring(countyYear.length() + 1)));
        }
        return keys.stream().sorted().map(key -> new Kept(agencyKeyOf(key), report(key))).toList();
    }

    /**
     * The history of {@code kept}, another agency's report kept here, as it is once {@code report} is recorded for
     * {@code agencyKey}: {@code report} among its peers if it nearly repeats it, among its parts if it is one, in
     * place of whatever that agency's same year held before.
     */
    private History historyOnceRecorded(Kept kept, String agencyKey, ParsedReport report) {
        History now = historyOf(kept.agencyKey(), kept.report());
        String replaced = entryKey(agencyKey, report.getYear());
        List<ParsedReport> peers = new ArrayList<>();
        if (CopyPeerRule.nearIdentical(kept.report(), report)) {
            peers.add(report);
        }
        peers.addAll(reports(without(peersOf(kept.agencyKey(), kept.report()), replaced)));
        List<ParsedReport> parts = new ArrayList<>(reports(without(partsOf(kept.agencyKey(), kept.report()), replaced)));
        if (isPartOf(new Kept(agencyKey, report), kept.agencyKey(), kept.report())) {
            parts.add(report);
        }
        return new History(now.previousYear(), now.nextYear(), now.sameYearPrevious(), peers, parts);
    }

    private static boolean isPartOf(Kept part, String countyKey, ParsedReport county) {
        return !part.agencyKey().equals(countyKey) && HierarchySumRule.isCountyGovernment(county)
                && !HierarchySumRule.isCountyGovernment(part.report()) && countyYear(part.report()) != null
                && countyYear(part.report()).equals(countyYear(county));
    }

    /** The county code and year a report is indexed under; null without either. */
    private static String countyYear(ParsedReport report) {
        String county = report.getDivision() == null ? null : report.getDivision().getCountyCode();
        return county == null || report.getYear() == null ? null : county + "|" + report.getYear();
    }

    private static String sentenceKey(long sentence, String entryKey) {
        return String.format("%016x|%s", sentence, entryKey);
    }

    private static String holderCountKey(long sentence) {
        return String.format("%016x#", sentence);
    }

    private static List<Kept> without(List<Kept> kept, String replacedKey) {
        return kept.stream().filter(k -> !entryKey(k.agencyKey(), k.report().getYear()).equals(replacedKey)).toList();
    }

    private static List<ParsedReport> reports(List<Kept> kept) {
        return kept.stream().map(Kept::report).toList();
    }

    private ReportHistoryEntry entry(String entryKey) {
        byte[] value = agencyYears.get(entryKey);
        return value == null ? null : CODEC.decode(value);
    }

    private ParsedReport report(String entryKey) {
        ReportHistoryEntry entry = entry(entryKey);
        return entry == null ? null : entry.getReport();
    }

    /** A report kept here, under the agency key of its Kafka records. */
    public record Kept(String agencyKey, ParsedReport report) {
    }
}
