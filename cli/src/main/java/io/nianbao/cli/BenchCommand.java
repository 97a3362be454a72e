package io.nianbao.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.localstack.StackPorts;
import io.nianbao.schema.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark of docs/BENCHMARKS.md: a fresh stack in its own data directory, N text reports
 * ({@link BenchReports}: distinct generated reports, each of its own agency, spread over the country's counties) uploaded
 * over HTTP, and, once all are stored, throughput and the latency from upload (the report's receivedAt, set by
 * ingest-service) to stored (storedAt, set by store-service), read from the stored documents themselves.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the pipeline end to end on a fresh local stack: reports/s and upload→stored latency.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--reports", defaultValue = "500", description = "how many reports to upload (default: ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--concurrency", defaultValue = "8", description = "parallel uploads (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
            description = "offered load: start R uploads per second (at most --concurrency at once); 0 uploads as fast"
                    + " as --concurrency allows (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "how long to wait for every report to be stored (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
            description = "first upload N other reports and wait until they are stored, so that what is measured runs"
                    + " on warm JVMs (compiled code, loaded classes) as a long-running pipeline does (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--real-sized",
            description = "give each report a narrative as long as a real report's (≈ 2,250 characters against the"
                    + " generator's ≈ 550; prose of its own, so its findings alone unchanged and near copies rarer): a"
                    + " report then costs in bytes and in the prose and copy rules about what a real one does")
    boolean realSized;

    @Option(names = "--replay",
            description = "once all are stored, replay them (`nianbao replay --since` the bench's start, same parser) and"
                    + " measure until every document's status shows the replay stored")
    boolean replay;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.of(System.getenv());
        // Generated before the clock starts: the bench measures the pipeline, not the generator.
        long generating = System.nanoTime();
        BenchReports generated = realSized ? BenchReports.realSized() : new BenchReports();
        List<byte[]> texts = generated.texts(0, reports);
        // Reports of their own, after the measured ones: a warm-up report is never one measured again.
        List<byte[]> warmupTexts = generated.texts(reports, warmup);
        System.out.printf("generated %d reports in %.1f s%n", texts.size(), (System.nanoTime() - generating) / 1e9);
        Path dataDir = Files.createTempDirectory("nianbao-bench-");
        try (LocalStack stack = LocalStack.builder(workspace.home(), dataDir)
                .environment(System.getenv())
                .apiKey("bench")
                // Beside a stack `nianbao up` runs on the default ports, the bench's own stack takes others.
                .ports(StackPorts.free())
                .progress(System.out::println)
                .start()) {
            IngestClient ingest = new IngestClient(stack.url(ServiceProcess.INGEST), stack.apiKey());
            StoreClient store = new StoreClient(stack.url(ServiceProcess.STORE), stack.apiKey());

            if (warmup > 0) {
                long warming = System.nanoTime();
                upload(ingest, warmupTexts);
                if (!awaitStoredCount(store, warmup)) {
                    System.out.println("the warm-up reports were not stored within " + timeoutSeconds + " s");
                    return 1;
                }
                System.out.printf("warm-up: %d other reports uploaded and stored in %.1f s%n", warmup,
                        (System.nanoTime() - warming) / 1e9);
            }
            Instant benchStart = Instant.now();
            StackCpu cpu = StackCpu.start(stack);
            List<String> ids;
            try (TopicThroughput stages = new TopicThroughput(stack.bootstrapServers(), STAGE_OUTPUTS)) {
                long uploadStart = System.nanoTime();
                ids = upload(ingest, texts);
                double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
                System.out.printf("uploaded %d reports in %.1f s (%.1f uploads/s, concurrency %d, offered %s)%n",
                        ids.size(), uploadSeconds, ids.size() / uploadSeconds, concurrency,
                        rate > 0 ? rate + "/s" : "as fast as possible");

                awaitStoredCount(store, warmup + ids.size());
                // Before the reports are read back for their latencies: the reading costs the store, not a report.
                cpu.stop();
                // Printed first: what the stack spent is known even when the reading back fails.
                cpu.print(ids.size());
                reportStages(stages.rates());
                List<JsonNode> stored = readStored(store, ids);
                report(stored);
                if (stored.size() != ids.size()) {
                    return 1;
                }
            }
            return !replay || replayAll(stack, store, ids, benchStart) ? 0 : 1;
        }
    }

    /**
     * {@code nianbao replay --since} the bench's start: every uploaded document published again to reports.raw, timed
     * until each one's status shows the replay received and stored. The parser is the same, so store-service keeps
     * the stored versions as they are (an unchanged result changes nothing): what is measured is the re-reading,
     * parse-service and validate-service again, and store-service's comparison.
     *
     * @return whether every document showed the replay stored within the timeout
     */
    private boolean replayAll(LocalStack stack, StoreClient store, List<String> ids, Instant since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (TopicThroughput stages = new TopicThroughput(stack.bootstrapServers(), STAGE_OUTPUTS)) {
            Instant replayStart = Instant.now();
            long start = System.nanoTime();
            RawReplay.Result result = new RawReplay(stack.bootstrapServers()).replay(since, reportId -> true,
                    "bench --replay");
            System.out.printf("replay read %d records of reports.raw and published %d documents again in %.1f s%n",
                    result.read(), result.published(), (System.nanoTime() - start) / 1e9);
            // Cheap to watch: the status of every document is read only once parse-service has re-parsed them all.
            while (System.nanoTime() < deadline && stages.appended(Topics.PARSED) + stages.appended(Topics.DLQ) < result.published()) {
                Thread.sleep(250);
            }
            System.out.printf("parse-service re-parsed them %.1f s after the replay began%n", (System.nanoTime() - start) / 1e9);
            List<String> pending = new ArrayList<>(ids);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                pending.removeIf(id -> replayStored(store, id, replayStart));
                if (!pending.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!pending.isEmpty()) {
                System.out.printf("%d documents did not show the replay stored within %d s%n", pending.size(), timeoutSeconds);
                return false;
            }
            System.out.printf("all %d documents show the replay stored %.1f s after the replay began: %.1f reports/s%n",
                    ids.size(), seconds, ids.size() / seconds);
            stages.awaitQuiet(Duration.ofSeconds(15), deadline);
            reportStages(stages.rates());
            return true;
        }
    }

    /** False also when store-service did not answer in time: the document is asked again on the next round. */
    private static boolean replayStored(StoreClient store, String id, Instant replayStart) {
        try {
            return store.document(id).map(status -> showsReplayStored(status, replayStart)).orElse(false);
        } catch (UncheckedIOException slowOrUnreachable) {
            return false;
        }
    }

    /** The document was received again after {@code replayStart} and that attempt ended stored. */
    static boolean showsReplayStored(JsonNode status, Instant replayStart) {
        if (!"stored".equals(status.path("status").asText())) {
            return false;
        }
        for (JsonNode event : status.path("history")) {
            if ("received".equals(event.path("state").asText()) && Instant.parse(event.path("at").asText()).isAfter(replayStart)) {
                return true;
            }
        }
        return false;
    }

    /** Each stage's output topic, in pipeline order: ingest-service, parse-service, validate-service. */
    private static final List<String> STAGE_OUTPUTS = List.of(Topics.RAW, Topics.PARSED, Topics.VALIDATED, Topics.DLQ);

    /** One instance of each service runs in the local stack: a topic's rate is its producer's, per instance. */
    private static void reportStages(List<TopicThroughput.Rate> rates) {
        System.out.println("per stage (records appended to its output topic, and the offsets they and the transactions'"
                + " markers took; first to last append, and when the first came after the start; one instance each):");
        for (TopicThroughput.Rate rate : rates) {
            if (rate.records() < 0) {
                System.out.printf("  %-18s not all read back within a minute (%d offsets in %.1f s)%n", rate.topic(),
                        rate.offsets(), rate.seconds());
                continue;
            }
            // A stage that appended nothing has no first append to tell.
            String first = rate.records() > 0 ? String.format(" (first at +%.1f s)", rate.firstAfter()) : "";
            System.out.printf("  %-18s %6d records (%6d offsets) in %6.1f s: %7.1f /s%s%n", rate.topic(),
                    rate.records(), rate.offsets(), rate.seconds(), rate.perSecond(), first);
        }
    }

    private List<String> upload(IngestClient ingest, List<byte[]> texts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<IngestClient.Upload>> uploads = new ArrayList<>();
            long start = System.nanoTime();
            for (int n = 0; n < texts.size(); n++) {
                if (rate > 0) {
                    // Upload n starts at n / rate seconds, whether or not the earlier ones are done (an open load).
                    long due = start + (long) (n / rate * 1e9);
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                }
                byte[] text = texts.get(n);
                Path name = Path.of("bench-" + n + ".txt");
                uploads.add(pool.submit(() -> ingest.upload(name, text)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<IngestClient.Upload> upload : uploads) {
                IngestClient.Upload done = upload.get();
                if (!done.accepted()) {
                    throw new IllegalStateException(done.file() + " was refused: " + done.error());
                }
                ids.add(done.id());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The stored reports of {@code ids}, read once, after {@link #awaitStoredCount} saw as many as were uploaded (the
     * warm-up's included: the stack is fresh, they are all the bench's) or gave up.
     */
    private List<JsonNode> readStored(StoreClient store, List<String> ids) {
        Set<String> measured = new HashSet<>(ids);
        List<JsonNode> stored = new ArrayList<>();
        store.forEachReport(report -> {
            if (measured.remove(report.path("reportId").asText())) {
                stored.add(report);
            }
        });
        if (!measured.isEmpty()) {
            System.out.println(measured.size() + " reports were not stored within " + timeoutSeconds + " s");
        }
        return stored;
    }

    /**
     * Reads store-service's count of stored reports every half second: waiting adds next to no load.
     *
     * @return whether store-service came to hold {@code count} reports within the timeout
     */
    private boolean awaitStoredCount(StoreClient store, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (storedCount(store) < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    /** The stored count, or 0 when store-service did not answer in time: a loaded machine is no failed pipeline. */
    private static long storedCount(StoreClient store) {
        try {
            return store.storedCount().orElse(0);
        } catch (UncheckedIOException slowOrUnreachable) {
            return 0;
        }
    }

    private static void report(List<JsonNode> storedReports) {
        List<Timeline> stored = storedReports.stream().map(Timeline::of).toList();
        List<Long> latencies = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (Timeline report : stored) {
            latencies.add(Duration.between(report.received(), report.stored()).toMillis());
            first = report.received().isBefore(first) ? report.received() : first;
            last = report.stored().isAfter(last) ? report.stored() : last;
        }
        Collections.sort(latencies);
        List<Long> toValidated = uploadToValidated(stored);
        Collections.sort(toValidated);
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        System.out.printf("stored %d reports; first received → last stored %.1f s: %.1f reports/s%n",
                stored.size(), seconds, stored.size() / seconds);
        System.out.printf("latency upload → stored: p50 %d ms, p99 %d ms, max %d ms%n",
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        int judgedAgain = stored.size() - toValidated.size();
        if (toValidated.isEmpty()) {
            System.out.printf("  of which upload → validated: not known, every report was judged again after it was stored%n");
        } else {
            System.out.printf("  of which upload → validated (ingest, parse, validate): p50 %d ms, p99 %d ms"
                    + " (%d reports judged again after they were stored are left out)%n",
                    percentile(toValidated, 50), percentile(toValidated, 99), judgedAgain);
        }
    }

    /** When a stored report was received (uploaded), last validated and stored, as store-service tells. */
    record Timeline(Instant received, Instant validated, Instant stored) {
        static Timeline of(JsonNode report) {
            return new Timeline(Instant.parse(report.path("source").path("receivedAt").asText()),
                    Instant.parse(report.path("validatedAt").asText()), Instant.parse(report.path("storedAt").asText()));
        }
    }

    /**
     * Upload → validated of each stored report whose verdict is still the first: a report keeps only its last
     * verdict's time, and a later re-judgement (HIER-SUM, when one of the county's departments arrives) says nothing
     * of how long the report took to pass the pipeline.
     */
    static List<Long> uploadToValidated(List<Timeline> stored) {
        return stored.stream().filter(report -> !report.validated().isAfter(report.stored()))
                .map(report -> Duration.between(report.received(), report.validated()).toMillis())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
