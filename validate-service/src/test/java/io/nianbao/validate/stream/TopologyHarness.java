package io.nianbao.validate.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Alert;
import io.nianbao.schema.CopyFound;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.repository.CompressedStores;
import io.nianbao.validate.repository.FingerprintIndex;
import io.nianbao.validate.repository.PartitionHistory;
import io.nianbao.validate.service.ValidationService;
import io.opentelemetry.api.OpenTelemetry;

/** The service's topology on a TopologyTestDriver: reports.parsed in, every output topic and the history out. */
public final class TopologyHarness implements AutoCloseable {
    static final String APPLICATION_ID = "validate-service-test";

    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final Sink<ValidatedReport> validated;
    public final Sink<Alert> alerts;
    public final Sink<DeadLetter> deadLetters;
    /** The history store's changelog: what an instance taking the partition over restores. */
    public final Sink<ReportHistoryEntry> historyEntries;
    /** What this instance sent to the partitions of copies kept elsewhere. */
    public final Sink<CopyFound> copiesFound;

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> parsed;
    private final TestInputTopic<Bytes, byte[]> fingerprintIndex;
    private final TestInputTopic<String, byte[]> copiesFoundElsewhere;
    private final TestOutputTopic<Bytes, byte[]> fingerprintChanges;
    /** What this instance published to the global fingerprint index's topic so far (tombstones as null values). */
    private final List<TestRecord<Bytes, byte[]>> fingerprints = new ArrayList<>();
    private int fingerprintsReadBack;

    public TopologyHarness(RuleEngine engine, Path stateDir) {
        this(engine, stateDir, OpenTelemetry.noop());
    }

    public TopologyHarness(RuleEngine engine, Path stateDir, OpenTelemetry openTelemetry) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class);
        driver = new TopologyTestDriver(ValidationTopology.build(new ValidationService(engine), registry, openTelemetry), config);
        parsed = driver.createInputTopic(Topics.PARSED, new StringSerializer(), new ByteArraySerializer());
        validated = sink(Topics.VALIDATED, ValidatedReport.class);
        alerts = sink(Topics.ALERTS, Alert.class);
        deadLetters = sink(Topics.DLQ, DeadLetter.class);
        historyEntries = sink(changelog(PartitionHistory.AGENCY_YEARS), ReportHistoryEntry.class);
        copiesFound = sink(Topics.COPIES_FOUND, CopyFound.class);
        copiesFoundElsewhere = driver.createInputTopic(Topics.COPIES_FOUND, new StringSerializer(), new ByteArraySerializer());
        fingerprintChanges = driver.createOutputTopic(Topics.FINGERPRINTS, new BytesDeserializer(),
                new ByteArrayDeserializer());
        fingerprintIndex = driver.createInputTopic(Topics.FINGERPRINTS, new BytesSerializer(), new ByteArraySerializer());
    }

    /**
     * Records of reports.fingerprints as another instance published them: this driver runs one instance, whose
     * global store reads them as it would from the topic (the driver does not read its own outputs back).
     */
    public void indexFromElsewhere(List<TestRecord<Bytes, byte[]>> records) {
        records.forEach(record -> fingerprintIndex.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers())));
    }

    /** Records of reports.copies-found as another instance sent them to this one's partition. */
    public void copiesFoundElsewhere(List<Received<CopyFound>> records) {
        AvroCodec<CopyFound> codec = AvroCodec.of(CopyFound.class);
        records.forEach(record -> copiesFoundElsewhere.pipeInput(new TestRecord<>(record.key(),
                codec.encode(record.payload()), record.headers())));
    }

    /** A record of reports.copies-found as it came (garbage included). */
    public void copyFoundElsewhere(String key, byte[] value) {
        copiesFoundElsewhere.pipeInput(key, value);
    }

    /** What this instance published to reports.fingerprints so far, with their headers, for another instance's global store. */
    public List<TestRecord<Bytes, byte[]>> publishedFingerprints() {
        fingerprints.addAll(fingerprintChanges.readRecordsToList());
        return new ArrayList<>(fingerprints);
    }

    /** A record of reports.fingerprints without headers, as a writer of the topic publishes it. */
    public static TestRecord<Bytes, byte[]> fingerprintRecord(KeyValue<Bytes, byte[]> record) {
        return new TestRecord<>(record.key, record.value);
    }

    static String changelog(String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** A record of reports.parsed, with the province header the upstream service set (or none). */
    public void send(String key, byte[] value, String provinceHeader) {
        Headers headers = new RecordHeaders();
        if (provinceHeader != null) {
            headers.add(new RecordHeader(io.nianbao.schema.RecordHeaders.PROVINCE,
                    provinceHeader.getBytes(StandardCharsets.UTF_8)));
        }
        sendWithHeaders(key, value, headers);
    }

    /** A record of reports.parsed with these headers. */
    public void sendWithHeaders(String key, byte[] value, Headers headers) {
        parsed.pipeInput(new TestRecord<>(key, value, headers));
        // As the instance's global store reads reports.fingerprints, its own records included.
        List<TestRecord<Bytes, byte[]>> published = publishedFingerprints();
        indexFromElsewhere(published.subList(fingerprintsReadBack, published.size()));
        fingerprintsReadBack = published.size();
    }

    public KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** This instance's global store of the fingerprint index. */
    public KeyValueStore<Bytes, byte[]> fingerprintIndex() {
        return driver.getKeyValueStore(FingerprintIndex.STORE);
    }

    @Override
    public void close() {
        driver.close();
    }

    private <V extends org.apache.avro.specific.SpecificRecord> Sink<V> sink(String topic, Class<V> type) {
        AvroCodec<V> codec = AvroCodec.of(type);
        Deserializer<V> values = (t, bytes) -> codec.decode(bytes);
        return new Sink<>(driver.createOutputTopic(topic, new StringDeserializer(), values));
    }

    /** Everything a topic received so far, in order. */
    public static final class Sink<V> {
        private final TestOutputTopic<String, V> topic;
        private final List<Received<V>> received = new ArrayList<>();

        Sink(TestOutputTopic<String, V> topic) {
            this.topic = topic;
        }

        public List<Received<V>> received() {
            topic.readRecordsToList().forEach(record ->
                    received.add(new Received<>(record.key(), record.value(), record.headers())));
            return received;
        }

        public void clear() {
            received();
            received.clear();
        }
    }

    /** A record a topic received. */
    public record Received<V>(String key, V payload, Headers headers) {
        public V getPayload() {
            return payload;
        }

        /** The value of a header, or null. */
        public String header(String name) {
            var header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
