package io.nianbao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline in the foreground, ingest the sample reports, summarise what was stored, "
                + "then serve until Ctrl-C stops everything.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofSeconds(1);

    @Option(names = "--exit", description = "stop after the summary; exit 0 only if every sample was stored")
    boolean exit;

    @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
            description = "how long to wait for the samples to be stored (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Workspace workspace = Workspace.of(System.getenv());
        List<Path> samples = samples(workspace.home().resolve("samples/reports"));
        String apiKey = Optional.ofNullable(System.getenv("NIANBAO_API_KEY")).filter(key -> !key.isBlank())
                .orElseGet(DemoCommand::randomKey);

        // The builder registers a shutdown hook: Ctrl-C, or any exit, stops everything it started.
        LocalStack stack = LocalStack.builder(workspace.home(), workspace.dataDir())
                .environment(System.getenv())
                .apiKey(apiKey)
                .progress(System.out::println)
                .start();
        boolean allStored;
        try {
            allStored = ingestAndSummarise(stack, samples);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        System.out.println();
        StackUrls.describe(stack::url).forEach(System.out::println);
        System.out.println("API key: " + apiKey + "   (curl -H 'X-API-Key: " + apiKey + "' ...)");
        if (exit) {
            stack.close();
            return allStored ? 0 : 1;
        }
        System.out.println("\nCtrl-C stops everything.");
        new CountDownLatch(1).await();
        return 0;
    }

    private boolean ingestAndSummarise(LocalStack stack, List<Path> samples) throws InterruptedException {
        IngestClient ingest = new IngestClient(stack.url(ServiceProcess.INGEST), stack.apiKey());
        StoreClient store = new StoreClient(stack.url(ServiceProcess.STORE), stack.apiKey());

        Map<Path, String> ids = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Path sample : samples) {
            IngestClient.Upload upload = ingest.upload(sample);
            if (upload.accepted()) {
                ids.put(sample, upload.id());
            } else {
                rows.add(notStored(sample, "upload failed: " + upload.error()));
            }
        }
        System.out.println("ingested " + ids.size() + " of " + samples.size() + " samples; waiting until they are stored");

        Map<Path, JsonNode> stored = awaitStored(store, ids);
        for (var sample : ids.entrySet()) {
            JsonNode report = stored.get(sample.getKey());
            rows.add(report == null
                    ? notStored(sample.getKey(), "not stored within " + timeoutSeconds + " s (id " + sample.getValue() + ")")
                    : summary(sample.getKey(), report, store.alertCount(sample.getValue())));
        }
        System.out.println();
        System.out.print(SummaryTable.render(List.of("file", "agency", "year", "province", "template", "status", "alerts"), rows));
        return stored.size() == samples.size();
    }

    /** Polls store-service until every id is stored or the timeout passes; returns those that arrived. */
    private Map<Path, JsonNode> awaitStored(StoreClient store, Map<Path, String> ids) throws InterruptedException {
        Map<Path, JsonNode> stored = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (stored.size() < ids.size() && System.nanoTime() < deadline) {
            for (var sample : ids.entrySet()) {
                if (!stored.containsKey(sample.getKey())) {
                    store.report(sample.getValue()).ifPresent(report -> {
                        stored.put(sample.getKey(), report);
                        System.out.println("stored: " + sample.getKey().getFileName());
                    });
                }
            }
            if (stored.size() < ids.size()) {
                Thread.sleep(POLL.toMillis());
            }
        }
        return stored;
    }

    static List<String> summary(Path file, JsonNode report, int alerts) {
        JsonNode division = report.path("division");
        String province = division.hasNonNull("provinceName") ? division.get("provinceName").asText() : text(division, "provinceCode");
        return List.of(file.getFileName().toString(), text(report, "agency"), text(report, "year"), province,
                text(report, "template"), text(report, "status"), Integer.toString(alerts));
    }

    private static List<String> notStored(Path file, String why) {
        return List.of(file.getFileName().toString(), why, "-", "-", "-", "-", "-");
    }

    /** A value the report could not give shows as "-", never as a made-up zero. */
    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }

    private static List<Path> samples(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> samples = files.filter(Files::isRegularFile).sorted().toList();
            if (samples.isEmpty()) {
                throw new IllegalStateException("no sample reports in " + dir);
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sample reports in " + dir, e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
