package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.cli.RawReplay;
import io.nianbao.cli.ReplaySelection;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.parser.ReportParser;

/**
 * Failures a user can see and act on, over the real processes: a report dead-lettered by a broken parse-service
 * configuration shows as failed with its reason, and once the configuration is fixed its replay stores it; a replay
 * of stored reports through parse-service stores no duplicate; a replay of the reports an older parser stored stores
 * the current parser's versions, keeping the older ones in their history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureAndReplayEndToEndIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    /** Broken on purpose: no parse finishes within a millisecond, so every report is dead-lettered PARSE_TIMEOUT. */
    private static final String PARSE_TIMEOUT = "NIANBAO_PARSE_TIMEOUT";
    /** The parser a replay upgrades from: the store holds its reports as an upgrade finds them. */
    private static final String OLDER_PARSER = "0.4.0";

    private LocalStack stack;
    private PipelineClient client;

    @BeforeAll
    void startThePipelineWithABrokenParser() {
        stack = E2eStack.start(Path.of("target", "e2e-replay-stack"), Map.of(PARSE_TIMEOUT, "1ms"));
        client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE), stack.apiKey());
    }

    @AfterAll
    void stopThePipeline() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aReportDeadLetteredByABrokenParserIsFailedWithItsReasonAndStoredWhenReplayedAfterTheFix() throws IOException {
        String id = upload("000_e70ccd0979ef1614.txt", SampleReports.bytes(SampleReports.SEED_000));

        JsonNode failed = awaitStatus(id, "failed");
        assertThat(failed.path("failure").path("stage").asText()).isEqualTo("parse");
        assertThat(failed.path("failure").path("errorType").asText()).isEqualTo("PARSE_TIMEOUT");
        assertThat(failed.path("failure").path("reason").asText()).contains("did not finish");
        String deadLetter = failed.path("failure").path("deadLetter").asText().replace("/api/dead-letters/", "");
        assertThat(client.deadLetters("errorType=PARSE_TIMEOUT").body().path("items").findValuesAsText("id"))
                .containsExactly(deadLetter);

        stack.restart(ServiceProcess.PARSE, nullValue(PARSE_TIMEOUT));
        assertThat(client.replay(deadLetter).status()).isEqualTo(202);
        // Asked again (a double click, a retry): published once.
        assertThat(client.replay(deadLetter).status()).isEqualTo(200);

        JsonNode stored = awaitStatus(id, "stored");
        assertThat(stored.path("report").asText()).isEqualTo("/api/reports/" + id);
        // The events are written by a consumer group of their own: the parsed event may trail the stored report.
        JsonNode history = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> client.document(id).body().path("history"), h -> h.findValuesAsText("state").contains("parsed"));
        assertThat(history.findValuesAsText("state"))
                .containsSubsequence("received", "failed", "received", "parsed", "stored");
        assertThat(client.report(id).body().path("agency").asText()).isEqualTo("盐池县花马池镇");
    }

    @Test
    @Order(2)
    void aReplayOfStoredReportsThroughParseServiceStoresNoDuplicate() throws IOException {
        List<String> ids = uploadVariants(1, 3);
        ids.forEach(id -> awaitStatus(id, "stored"));
        long storedBefore = client.reports("size=1").body().path("total").asLong();

        Instant replayStarted = Instant.now();
        RawReplay.Result result = new RawReplay(stack.bootstrapServers()).replay(Instant.EPOCH, reportId -> ids.contains(reportId),
                "replay --since 1970-01-01 (end-to-end test)");
        assertThat(result.published()).isEqualTo(3);

        for (String id : ids) {
            JsonNode status = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> client.document(id).body(), body -> receivedAfter(body, replayStarted)
                            && "stored".equals(body.path("status").asText()));
            assertThat(status.path("history").findValuesAsText("replayOf"))
                    .contains("replay --since 1970-01-01 (end-to-end test)");
        }
        assertThat(client.reports("size=1").body().path("total").asLong()).isEqualTo(storedBefore);
    }

    @Test
    @Order(3)
    void aReplayOfReportsAnOlderParserStoredStoresTheCurrentParsersVersionsAsNewVersionsAndNoDuplicate() throws Exception {
        List<String> byOlderParser = uploadVariants(4, 3);
        List<String> byCurrentParser = uploadVariants(7, 2);
        byOlderParser.forEach(id -> awaitStatus(id, "stored"));
        byCurrentParser.forEach(id -> awaitStatus(id, "stored"));
        try (PipelineTopics topics = new PipelineTopics(stack.bootstrapServers())) {
            assertThat(topics.publishParsedBy(OLDER_PARSER, byOlderParser)).isEqualTo(byOlderParser.size());
        }
        byOlderParser.forEach(id -> awaitReport(id, OLDER_PARSER));
        long storedBefore = client.reports("size=1").body().path("total").asLong();
        Map<String, List<String>> currentVersionsBefore = new HashMap<>();
        byCurrentParser.forEach(id -> currentVersionsBefore.put(id, version(client.report(id).body())));

        Instant replayStarted = Instant.now();
        String reason = "replay --since 1970-01-01 --parser-version-below " + ReportParser.PARSER_VERSION + " (end-to-end test)";
        RawReplay.Result result = new RawReplay(stack.bootstrapServers()).replay(Instant.EPOCH,
                ReplaySelection.storedByParserBelow(ReportParser.PARSER_VERSION, stack.url(ServiceProcess.STORE), stack.apiKey()),
                reason);
        assertThat(result.published()).as("documents replayed, of %s raw records read", result.read())
                .isEqualTo(byOlderParser.size());

        for (String id : byOlderParser) {
            JsonNode report = awaitReport(id, ReportParser.PARSER_VERSION);
            assertThat(report.path("reportId").asText()).isEqualTo(id);
            assertThat(report.path("history")).singleElement().satisfies(older -> {
                assertThat(older.path("reportId").asText()).isEqualTo(id);
                assertThat(older.path("parserVersion").asText()).isEqualTo(OLDER_PARSER);
            });
            // The receipt is recorded by the document events' own consumer group: it may trail the stored version.
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(client.document(id).body().path("history").findValuesAsText("replayOf")).contains(reason));
        }
        assertThat(client.reports("size=1").body().path("total").asLong()).isEqualTo(storedBefore);
        for (String id : byCurrentParser) {
            assertThat(version(client.report(id).body())).isEqualTo(currentVersionsBefore.get(id));
            assertThat(receivedAfter(client.document(id).body(), replayStarted)).as("%s received again", id).isFalse();
        }
    }

    /** What identifies a stored report's current version and its earlier ones. */
    private static List<String> version(JsonNode report) {
        List<String> version = new ArrayList<>(List.of(report.path("reportId").asText(), report.path("parserVersion").asText(),
                report.path("storedAt").asText()));
        version.addAll(report.path("history").findValuesAsText("parserVersion"));
        return version;
    }

    private JsonNode awaitReport(String id, String parserVersion) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> client.report(id), r -> r.status() == 200 && parserVersion.equals(r.body().path("parserVersion").asText()))
                .body();
    }

    private List<String> uploadVariants(int first, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            ids.add(upload("variant-" + n + ".txt", variant(n)));
        }
        return ids;
    }

    private static boolean receivedAfter(JsonNode status, Instant instant) {
        for (JsonNode event : status.path("history")) {
            if ("received".equals(event.path("state").asText()) && Instant.parse(event.path("at").asText()).isAfter(instant)) {
                return true;
            }
        }
        return false;
    }

    private String upload(String fileName, byte[] content) {
        PipelineClient.Response response = client.upload(fileName, content);
        assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
        assertThat(response.location()).endsWith("/api/documents/" + response.body().path("id").asText());
        return response.body().path("id").asText();
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> client.document(id), r -> r.status() == 200 && status.equals(r.body().path("status").asText()))
                .body();
    }

    private static Map<String, String> nullValue(String name) {
        Map<String, String> settings = new HashMap<>();
        settings.put(name, null);
        return settings;
    }

    private static byte[] variant(int n) {
        return SampleReports.text(SampleReports.SEED_000)
                .replace("盐池县花马池镇", String.format("回放县第%02d镇", n))
                .getBytes(StandardCharsets.UTF_8);
    }
}
