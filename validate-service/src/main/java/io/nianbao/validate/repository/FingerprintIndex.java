package io.nianbao.validate.repository;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.nianbao.rules.FingerprintPeer;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.FingerprintEntry;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.PlacePartitioner;

/**
 * The global index of text fingerprints (compacted topic {@link Topics#FINGERPRINTS}), which every instance reads
 * whole into a global store: how a report is compared with the reports kept in other partitions (COPY-PEER across
 * counties and provinces). Per kept agency-year the topic holds one record, {@code 'E' <entry id>} →
 * {@link FingerprintEntry}: its entry key, report id, agency, year and fingerprint (its sentences' hashes and
 * characters), only what finding, confirming and naming a copy takes, because every instance holds all of it. The
 * entry id is a 64-bit hash of the entry key ({@code <agency key>|<year>}): two of 2 million entries share one with
 * a probability of about 10⁻⁷.
 * <p>
 * The global store's update processor keeps, besides each record, what the lookups read under binary keys:
 * <ul>
 * <li>{@code 'S' <sentence hash, 8 bytes> <entry id, 8 bytes>} → empty: the entry's fingerprint holds the sentence;
 * <li>{@code 'C' <sentence hash>} → how many entries hold it: a sentence no other report holds (most of a report's
 * own wording) or boilerplate (thousands hold it) is told by one read instead of a scan of up to
 * {@value HistoryIndex#BOILERPLATE} holders;
 * <li>{@code 'L' <entry id>} → the entry's sentence hashes, 8 bytes each: what its next record is compared with. The
 * entry's record is kept under its key without them, so that confirming a candidate decodes what it did before.
 * </ul>
 * One record a report instead of one a sentence: the broker, the writer and every reader handle a tenth of the
 * records (BENCHMARKS "One fingerprint record a report…"). Kafka Streams restores a global store through its update
 * processor ({@code Topology#addGlobalStore} reprocesses on restore), so the sentence keys and counts are rebuilt
 * with the records. Writers of {@link FingerprintEntry} v1 published the sentences as records {@code 'S' …} of their
 * own; the processor still applies them, and such an entry's sentence records are tombstoned when it is next written
 * ({@link #changes}).
 */
public final class FingerprintIndex {
    /**
     * The global store. Named anew with the holder counts: an instance that kept the store before them builds this
     * one from the topic, counts included (its old directory, {@code global/rocksdb/fingerprints}, can go).
     */
    public static final String STORE = "fingerprint-index";
    /** The sink the writer forwards the index's changes ({@link #changes}) to. */
    public static final String SINK = "fingerprint-changes";
    /**
     * Marks a tombstone of a sentence record that retires what a v1 writer published ({@link #changes}), as opposed
     * to a v1 writer's own tombstone, which says the entry no longer holds the sentence.
     */
    static final String RETIRES_V1_RECORD = "nianbao-retires-v1-record";
    private static final String SOURCE = "fingerprint-index";
    private static final String UPDATE = "fingerprint-index-update";

    private static final byte SENTENCE = 'S';
    private static final byte ENTRY = 'E';
    private static final byte HOLDER_COUNT = 'C';
    private static final byte SENTENCE_LIST = 'L';
    private static final byte[] PRESENT = new byte[0];
    private static final BytesSerializer PREFIX = new BytesSerializer();
    private static final AvroCodec<FingerprintEntry> CODEC = AvroCodec.of(FingerprintEntry.class);

    private final KeyValueStore<Bytes, byte[]> store;

    public FingerprintIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /**
     * Adds the index to a topology: the sink {@value #SINK}, after {@code writer}, to {@code topic}; and the global
     * store, RocksDB, read from the whole topic (not logged: the topic is what it is restored from).
     */
    public static void addTo(Topology topology, String topic, String writer) {
        topology.addSink(SINK, topic, new BytesSerializer(), new ByteArraySerializer(), writer);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled(), SOURCE, new BytesDeserializer(), new ByteArrayDeserializer(),
                topic, UPDATE, Update::new);
    }

    /**
     * The topic records that take the index from {@code before} (null when none) to {@code after} as the entry's
     * report: its {@link #record}; and, when the index holds the entry as a v1 writer published it (its sentences
     * as records of their own), tombstones for those sentences, which the entry's record now carries.
     */
    public List<KeyValue<Bytes, byte[]>> changes(String entryKey, ParsedReport before, ParsedReport after) {
        long entryId = entryId(entryKey);
        boolean indexedApart = before != null && store.get(entryRecordKey(entryId)) != null
                && store.get(sentenceListKey(entryId)) == null;
        if (!indexedApart) {
            return List.of(record(entryKey, after));
        }
        List<KeyValue<Bytes, byte[]>> changes = new ArrayList<>();
        TextFingerprint.of(before).forEach(sentence -> changes.add(KeyValue.pair(sentenceKey(sentence, entryKey), null)));
        changes.add(record(entryKey, after));
        return changes;
    }

    /**
     * The headers a record of {@link #changes} goes to the topic with: a sentence tombstone is marked
     * {@value #RETIRES_V1_RECORD} (this writer publishes sentence tombstones only to retire a v1 writer's records).
     */
    public static Headers headersOf(KeyValue<Bytes, byte[]> change) {
        Headers headers = new RecordHeaders();
        if (change.value == null && change.key.get()[0] == SENTENCE) {
            headers.add(RETIRES_V1_RECORD, new byte[0]);
        }
        return headers;
    }

    /**
     * The entry's record in the topic with {@code report} as its report: its {@link FingerprintEntry}, or a tombstone
     * when the prose is too short to be fingerprinted.
     */
    public static KeyValue<Bytes, byte[]> record(String entryKey, ParsedReport report) {
        Map<Long, Integer> sentences = TextFingerprint.sentences(report);
        return KeyValue.pair(entryRecordKey(entryKey), sentences.isEmpty() ? null : CODEC.encode(
                FingerprintEntry.newBuilder().setEntryKey(entryKey).setReportId(report.getReportId())
                        .setAgency(report.getAgency()).setYear(report.getYear()).setSentences(sentences.size())
                        .setSentenceChars(sentences.values().stream().mapToInt(Integer::intValue).sum())
                        .setSentenceHashes(List.copyOf(sentences.keySet())).setPlace(PlacePartitioner.placeOf(report))
                        .build()));
    }

    /** Written by a v1 writer: its sentences are records of the topic of their own. */
    private static boolean publishedSentencesApart(FingerprintEntry entry) {
        return entry.getSentenceHashes().isEmpty() && entry.getSentences() > 0;
    }

    /**
     * Up to {@value HistoryIndex#MAX_PEERS} reports of other agencies in the index, not kept here
     * ({@code keptHere} tells, by entry key: those are compared on their whole texts), that are COPY-PEER's
     * candidates by the sentences they share with {@code report} (boilerplate, a sentence more than
     * {@value HistoryIndex#BOILERPLATE} entries hold, not looked up), each with its fingerprint similarity, the most
     * similar first.
     */
    public List<FingerprintPeer> peersOf(String agencyKey, ParsedReport report, Predicate<String> keptHere) {
        Map<Long, Integer> own = TextFingerprint.sentences(report);
        List<HistoryIndex.HeldSentence> held = new ArrayList<>();
        List<Long> boilerplate = new ArrayList<>();
        for (Long sentence : own.keySet()) {
            int holders = holderCount(sentence);
            if (holders > HistoryIndex.BOILERPLATE) {
                boilerplate.add(sentence);
            } else if (holders > 0) {
                held.add(new HistoryIndex.HeldSentence(sentence, holders));
            }
        }
        int scanned = HistoryIndex.toScan(held, own.size());
        // Per entry, the (non-boilerplate) sentences it shares: read off the sentences' holders, not looked up again.
        Map<Long, Set<Long>> shared = new HashMap<>();
        for (HistoryIndex.HeldSentence sentence : held.subList(0, scanned)) {
            holdersOf(sentence.sentence()).forEach(entryId ->
                    shared.computeIfAbsent(entryId, id -> new HashSet<>()).add(sentence.sentence()));
        }
        List<HistoryIndex.HeldSentence> notScanned = held.subList(scanned, held.size());
        shared.values().removeIf(sentences -> !HistoryIndex.couldBeCandidate(sentences.size(), notScanned.size(), own.size()));
        shared.forEach((entryId, sentences) -> notScanned.stream().map(HistoryIndex.HeldSentence::sentence)
                .filter(sentence -> store.get(sentenceKey(sentence, entryId)) != null).forEach(sentences::add));
        List<FingerprintPeer> peers = new ArrayList<>();
        shared.forEach((entryId, sentences) -> {
            int count = sentences.size();
            // A candidate shares more than a quarter of this fingerprint: the others are not worth reading.
            FingerprintEntry entry = 4 * count > own.size() ? entry(entryId) : null;
            // A v1 writer's sentence records can reach this instance before its entry record does (the topic's
            // partitions are read independently): it is compared once the entry arrived.
            // Whether it is kept here is asked last: the history's read of a whole entry.
            if (entry != null && !HistoryIndex.agencyKeyOf(entry.getEntryKey()).equals(agencyKey)
                    && !entry.getReportId().equals(report.getReportId())
                    && HistoryIndex.isCandidate(count, own.size(), entry.getSentences())
                    && !keptHere.test(entry.getEntryKey())) {
                // Its similarity weighs every sentence both hold, the boilerplate too.
                Set<Long> both = new HashSet<>(sentences);
                boilerplate.stream().filter(sentence -> store.get(sentenceKey(sentence, entryId)) != null)
                        .forEach(both::add);
                peers.add(new FingerprintPeer(entry.getEntryKey(), entry.getPlace(), entry.getReportId(),
                        entry.getAgency(), entry.getYear(),
                        CopyPeerRule.fingerprintSimilarity(own, both, entry.getSentenceChars())));
            }
        });
        return peers.stream().sorted(Comparator.comparingDouble(FingerprintPeer::similarity).reversed()
                .thenComparing(FingerprintPeer::reportId)).limit(HistoryIndex.MAX_PEERS).toList();
    }

    /** The entries holding the sentence. */
    private List<Long> holdersOf(long sentence) {
        List<Long> holders = new ArrayList<>();
        Bytes prefix = Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(SENTENCE).putLong(sentence).array());
        try (KeyValueIterator<Bytes, byte[]> scan = store.prefixScan(prefix, PREFIX)) {
            scan.forEachRemaining(holder -> holders.add(ByteBuffer.wrap(holder.key.get()).getLong(1 + Long.BYTES)));
        }
        return holders;
    }

    private int holderCount(long sentence) {
        return count(store.get(holderCountKey(sentence)));
    }

    private FingerprintEntry entry(long entryId) {
        byte[] value = store.get(entryRecordKey(entryId));
        return value == null ? null : CODEC.decode(value);
    }

    /** The key telling that the entry's fingerprint holds the sentence. */
    public static Bytes sentenceKey(long sentence, String entryKey) {
        return sentenceKey(sentence, entryId(entryKey));
    }

    private static Bytes sentenceKey(long sentence, long entryId) {
        return Bytes.wrap(ByteBuffer.allocate(1 + 2 * Long.BYTES).put(SENTENCE).putLong(sentence).putLong(entryId)
                .array());
    }

    /** The key of the entry's {@link FingerprintEntry}. */
    public static Bytes entryRecordKey(String entryKey) {
        return entryRecordKey(entryId(entryKey));
    }

    private static Bytes entryRecordKey(long entryId) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(ENTRY).putLong(entryId).array());
    }

    private static Bytes sentenceListKey(long entryId) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(SENTENCE_LIST).putLong(entryId).array());
    }

    private static Bytes holderCountKey(long sentence) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(HOLDER_COUNT).putLong(sentence).array());
    }

    private static int count(byte[] value) {
        return value == null ? 0 : ByteBuffer.wrap(value).getInt();
    }

    private static long entryId(String entryKey) {
        return TextFingerprint.hash(entryKey);
    }

    /**
     * Applies each record of the topic to the global store, in one write batch a record, so that a crash keeps all of
     * a record's changes or none:
     * <ul>
     * <li>an entry's record is put without its sentences, which go under {@code 'L'} (a tombstone deletes both), and
     * the sentences it gained or lost since the record before it are put or deleted, each sentence's holder count
     * with them;
     * <li>a sentence record of a v1 writer is put or deleted the same way; a tombstone retiring one
     * ({@value #RETIRES_V1_RECORD}) is not applied when the entry's record holds the sentence (it was read before the
     * tombstone, which retires the v1 record only). A v1 writer's own tombstone is applied whatever the list holds:
     * it revises an entry a v2 writer wrote before (a rolling upgrade moves partitions both ways), and its entry
     * record, which drops the list, may be read after it.
     * </ul>
     * A record applied again (the store is ahead of its checkpoint after a crash) changes no count: a holder is counted
     * when its key arrives and was not there, uncounted when it leaves and was.
     */
    private static final class Update implements Processor<Bytes, byte[], Void, Void> {
        private KeyValueStore<Bytes, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<Bytes, byte[]> record) {
            ByteBuffer key = ByteBuffer.wrap(record.key().get());
            List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>();
            if (key.get(0) == SENTENCE) {
                long sentence = key.getLong(1);
                long entryId = key.getLong(1 + Long.BYTES);
                boolean holds = record.value() != null;
                boolean retiring = record.headers().lastHeader(RETIRES_V1_RECORD) != null;
                if (holds || !retiring || !sentencesOf(entryId).contains(sentence)) {
                    hold(batch, sentence, entryId, holds);
                }
            } else if (key.get(0) == ENTRY) {
                long entryId = key.getLong(1);
                FingerprintEntry entry = record.value() == null ? null : CODEC.decode(record.value());
                if (entry != null && publishedSentencesApart(entry)) {
                    // A v1 writer's entry: its sentences come as records of their own.
                    batch.add(KeyValue.pair(sentenceListKey(entryId), null));
                    batch.add(KeyValue.pair(record.key(), record.value()));
                } else {
                    List<Long> before = sentencesOf(entryId);
                    List<Long> after = entry == null ? List.of() : entry.getSentenceHashes();
                    Set<Long> kept = new HashSet<>(after);
                    before.stream().filter(sentence -> !kept.contains(sentence))
                            .forEach(sentence -> hold(batch, sentence, entryId, false));
                    Set<Long> held = new HashSet<>(before);
                    after.stream().filter(sentence -> !held.contains(sentence))
                            .forEach(sentence -> hold(batch, sentence, entryId, true));
                    batch.add(KeyValue.pair(sentenceListKey(entryId), entry == null ? null : packed(after)));
                    batch.add(KeyValue.pair(record.key(), entry == null ? null
                            : CODEC.encode(FingerprintEntry.newBuilder(entry).setSentenceHashes(List.of()).build())));
                }
            } else {
                batch.add(KeyValue.pair(record.key(), record.value()));
            }
            store.putAll(batch);
        }

        /** Adds to the batch the sentence's key and its holder count, when whether the entry holds it changes. */
        private void hold(List<KeyValue<Bytes, byte[]>> batch, long sentence, long entryId, boolean holds) {
            Bytes sentenceKey = sentenceKey(sentence, entryId);
            if (holds == (store.get(sentenceKey) != null)) {
                return;
            }
            int holders = count(store.get(holderCountKey(sentence))) + (holds ? 1 : -1);
            batch.add(KeyValue.pair(sentenceKey, holds ? PRESENT : null));
            batch.add(KeyValue.pair(holderCountKey(sentence),
                    holders > 0 ? ByteBuffer.allocate(Integer.BYTES).putInt(holders).array() : null));
        }

        /** The sentences the entry's record held, as kept under {@code 'L'}; none for an entry of a v1 writer. */
        private List<Long> sentencesOf(long entryId) {
            byte[] packed = store.get(sentenceListKey(entryId));
            List<Long> sentences = new ArrayList<>();
            if (packed != null) {
                for (ByteBuffer hashes = ByteBuffer.wrap(packed); hashes.hasRemaining();) {
                    sentences.add(hashes.getLong());
                }
            }
            return sentences;
        }

        private static byte[] packed(List<Long> sentences) {
            ByteBuffer hashes = ByteBuffer.allocate(Long.BYTES * sentences.size());
            sentences.forEach(hashes::putLong);
            return hashes.array();
        }
    }
}
