package io.nianbao.validate.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.AvroSerializer;
import io.nianbao.schema.kafka.PlacePartitioner;

/**
 * National scale, measured by hand (docs/BENCHMARKS.md): generated agency-years through the partition history's
 * stores in a Kafka Streams application on a real broker, each looked up (its years, peers, parts, dependents) and
 * recorded as validate-service does, without the rules, its fingerprints published to a global fingerprint index;
 * the heap after collections sampled throughout; then the stores' disk, the index topic's bytes on the broker, and
 * the time a fresh instance (empty state directory) takes to restore them from the changelogs and the index topic.
 * {@code fill} records the agency-years without looking anything up, at least once, committing every 30 s: the same
 * stores and changelogs, written at the speed of recording alone, to reach national scale in minutes rather than
 * the hours {@code load} takes.
 * <p>
 * {@code restore N} then records N agency-years of a year more, looking up as {@code load} does: what a report's
 * history costs at that scale.
 * <p>
 * {@code HistoryScale <bootstrap servers> <agency-years> <work dir> load|fill|restore [N]}
 */
public final class HistoryScale {
    /** The input topic and application id of a run: one per size, so that a run never meets another's state. */
    private static String topic;
    private static String fingerprintTopic;
    private static String applicationId;
    private static final int PARTITIONS = 12;
    private static final int YEARS = 7;
    private static final int COUNTIES = 2_850;
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);

    private HistoryScale() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long agencyYears = Long.parseLong(args[1]) / YEARS * YEARS;
        topic = "scale.parsed." + agencyYears;
        fingerprintTopic = "scale.fingerprints." + agencyYears;
        applicationId = "history-scale-" + agencyYears;
        Path work = Path.of(args[2]);
        System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        try (HeapSampler heap = new HeapSampler()) {
            if (args[3].equals("load") || args[3].equals("fill")) {
                load(bootstrap, agencyYears, work.resolve("state-" + args[3]), heap, args[3].equals("load"));
            } else {
                restore(bootstrap, work.resolve("state-restore"), heap, args.length > 4 ? Long.parseLong(args[4]) : 0);
            }
        }
    }

    private static void load(String bootstrap, long agencyYears, Path stateDir, HeapSampler heap, boolean lookUp)
            throws Exception {
        produce(bootstrap, agencyYears);
        long started = System.nanoTime();
        AtomicLong processed = new AtomicLong();
        try (KafkaStreams streams = start(bootstrap, stateDir, lookUp, processed, new AtomicLong(),
                new CountDownLatch(1))) {
            while (processed.get() < agencyYears) {
                Thread.sleep(10_000);
                System.out.printf("%,d processed, %s%n", processed.get(), heap);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("processed %,d agency-years in %.0f s (%.0f/s); %s%n", agencyYears, seconds,
                    agencyYears / seconds, heap);
        }
        System.out.printf("state directory: %,d MB%n", sizeMb(stateDir));
        long indexBytes = topicBytes(bootstrap, fingerprintTopic);
        System.out.printf("fingerprint index topic %s: %,d bytes on the broker, %,.0f per agency-year%n",
                fingerprintTopic, indexBytes, (double) indexBytes / agencyYears);
    }

    /** The bytes of a topic's partitions in the broker's log directories. */
    private static long topicBytes(String bootstrap, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(node -> node.id()).toList();
            return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(replica -> replica.getKey().topic().equals(name))
                    .mapToLong(replica -> replica.getValue().size()).sum();
        }
    }

    private static void restore(String bootstrap, Path stateDir, HeapSampler heap, long more) throws Exception {
        AtomicLong restored = new AtomicLong();
        AtomicLong processed = new AtomicLong();
        CountDownLatch running = new CountDownLatch(1);
        long started = System.nanoTime();
        try (KafkaStreams streams = start(bootstrap, stateDir, true, processed, restored, running)) {
            while (!running.await(10, TimeUnit.SECONDS)) {
                System.out.printf("%,d changelog records restored, %s%n", restored.get(), heap);
            }
            System.out.printf("restored %,d changelog records in %.0f s; %s%n", restored.get(),
                    (System.nanoTime() - started) / 1e9, heap);
            if (more > 0) {
                send(bootstrap, more, 2019 + YEARS, 1);
                long judging = System.nanoTime();
                while (processed.get() < more) {
                    Thread.sleep(1_000);
                }
                double seconds = (System.nanoTime() - judging) / 1e9;
                System.out.printf("recorded %,d agency-years more, looked up as load does, in %.1f s (%.0f/s); %s%n",
                        more, seconds, more / seconds, heap);
            }
        }
        System.out.printf("state directory: %,d MB%n", sizeMb(stateDir));
    }

    /** Agencies spread over the counties, each with its years, published year after year as a country does. */
    private static void produce(String bootstrap, long agencyYears) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()),
                    new NewTopic(fingerprintTopic, Optional.of(PARTITIONS), Optional.empty())
                            .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        send(bootstrap, agencyYears / YEARS, 2019, YEARS);
    }

    /** The reports of agencies 0 … {@code agencies - 1}, year after year from {@code firstYear}. */
    private static void send(String bootstrap, long agencies, int firstYear, int years) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlacePartitioner.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long started = System.nanoTime();
        try (KafkaProducer<String, ParsedReport> producer = new KafkaProducer<>(config)) {
            for (int year = firstYear; year < firstYear + years; year++) {
                for (long agency = 0; agency < agencies; agency++) {
                    ParsedReport report = report(agency, year);
                    producer.send(new ProducerRecord<>(topic, "64|" + report.getAgency(), report));
                }
                System.out.printf("produced %d for %,d agencies%n", year, agencies);
            }
        }
        System.out.printf("produced %,d reports (%,d bytes each) in %.0f s%n", agencies * years,
                CODEC.encode(report(0, 2019)).length, (System.nanoTime() - started) / 1e9);
    }

    /**
     * A department's report (or, for the first agency of each county, the county government's) whose prose is its
     * own (sentences naming the agency and year) but for two boilerplate sentences every report shares.
     */
    private static ParsedReport report(long agency, int year) {
        long county = 110_000 + agency % COUNTIES;
        boolean countyGovernment = agency < COUNTIES;
        String name = countyGovernment ? "第" + county + "县人民政府" : "第" + county + "县第" + agency + "局";
        String prose = "本年度，我单位坚持以公开为常态、不公开为例外，深入推进政府信息公开工作。"
                + "全年依申请公开流程规范有序，信息管理机制持续完善，平台建设成效显著提升。"
                + name + year + "年通过门户网站主动公开政府信息，涵盖工作报告、预决算等方面。"
                + name + "在" + year + "年度健全了政府信息公开工作机制，明确了分管负责同志和工作人员。"
                + name + year + "年共收到政府信息公开申请若干件，均在法定期限内予以答复。"
                + name + "下一年度将进一步加强" + year + "年工作中发现问题的整改，提升公开质量。";
        return ReportFixture.consistent2021().year(year).agency(name)
                .reportId(HexFormat.of().toHexDigits(agency) + HexFormat.of().toHexDigits(year).repeat(6))
                .division(Long.toString(county), countyGovernment ? null : county + "100")
                .overview(prose).build();
    }

    /** The application; {@code lookUp} false: recording only, at least once, committing every 30 s. */
    private static KafkaStreams start(String bootstrap, Path stateDir, boolean lookUp, AtomicLong processed,
            AtomicLong restored, CountDownLatch running) {
        Topology topology = new Topology();
        topology.addSource("parsed", new StringDeserializer(), new ByteArrayDeserializer(), topic);
        topology.addProcessor("record", () -> new Recorder(processed, lookUp), "parsed");
        PartitionHistory.storeBuilders().forEach(store -> topology.addStateStore(store, "record"));
        FingerprintIndex.addTo(topology, fingerprintTopic, "record");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                lookUp ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        if (!lookUp) {
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "30000");
        }
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(topology, config);
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long end, long records) {
                restored.addAndGet(records);
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long total) {
            }
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        return streams;
    }

    /**
     * What validate-service does with the history for each report, without the rules: look up (unless told not to),
     * then record.
     */
    private static final class Recorder implements Processor<String, byte[], Bytes, byte[]> {
        private final AtomicLong processed;
        private final boolean lookUp;
        private ProcessorContext<Bytes, byte[]> context;
        private PartitionHistory history;

        Recorder(AtomicLong processed, boolean lookUp) {
            this.processed = processed;
            this.lookUp = lookUp;
        }

        @Override
        public void init(ProcessorContext<Bytes, byte[]> context) {
            this.context = context;
            history = PartitionHistory.of(context);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            ParsedReport report = CODEC.decode(record.value());
            if (lookUp) {
                history.historyOf(record.key(), report);
                history.dependentsOf(record.key(), report);
            }
            for (KeyValue<Bytes, byte[]> change : history.record(record.key(),
                    ReportHistoryEntry.newBuilder().setReport(report).build())) {
                context.forward(new Record<>(change.key, change.value, record.timestamp()), FingerprintIndex.SINK);
            }
            processed.incrementAndGet();
        }
    }

    /**
     * The heap retained (in use right after a full collection) and the process's resident memory (the heap, RocksDB's
     * memory and the rest), sampled every 10 s; their maxima over the run.
     */
    private static final class HeapSampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicLong heap = new AtomicLong();
        private final AtomicLong resident = new AtomicLong();

        HeapSampler() {
            timer.scheduleAtFixedRate(() -> {
                System.gc();
                heap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                resident.accumulateAndGet(residentBytes(), Math::max);
            }, 5, 10, TimeUnit.SECONDS);
        }

        /** VmRSS of /proc/self/status (Linux), 0 where there is none. */
        private static long residentBytes() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
                return lines.filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }

        @Override
        public String toString() {
            return String.format("heap retained at most %,d MB, resident at most %,d MB", heap.get() >> 20,
                    resident.get() >> 20);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static long sizeMb(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum() >> 20;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
