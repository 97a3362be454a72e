package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MongoStore;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AlertDeserializer;
import io.nianbao.schema.kafka.ParsedReportDeserializer;
import io.nianbao.schema.kafka.ValidatedReportDeserializer;

/**
 * The pipeline as its users see it, over real processes: a real Kafka broker (KRaft), the file-backed
 * MongoDB-compatible store and the four services, each in its own JVM, started by the same launcher as
 * {@code bin/nianbao demo}, with tracing on and exported to a collector stand-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    private static final Duration STORED_WITHIN = Duration.ofSeconds(90);
    /** How often store-service's consumers commit what was acknowledged (throttled, auto.commit.interval.ms). */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    /** What each seed says, read by hand; alerts: the seeds are consistent reports. */
    record Seed(String file, String agency, int year, String template, int newApplicationsTotal, int alerts) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("000_e70ccd0979ef1614.txt", "盐池县花马池镇", 2024, "2021", 0, 0),
            new Seed("001_3332caad86cf7302.txt", "洪山镇人民政府", 2024, "2021", 0, 0),
            new Seed("002_205615ee8de7c4c5.txt", "孟津区白鹤镇人民政府", 2024, "2021", 1, 0),
            new Seed("003_1f886fd727df4157.txt", "盐池县惠安堡镇人民政府", 2020, "2019", 0, 0),
            new Seed("004_ee64489bfe665610.txt", "中宁县白马乡", 2023, "2021", 0, 0));

    private OtlpCollector collector;
    private LocalStack stack;
    private PipelineClient client;
    private PipelineTopics topics;

    @BeforeAll
    void startThePipeline() {
        collector = OtlpCollector.start();
        stack = E2eStack.start(Path.of("target", "e2e-stack"), Map.of(), false, collector.endpoint());
        client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE), stack.apiKey());
        topics = new PipelineTopics(stack.bootstrapServers());
    }

    @AfterAll
    void stopThePipeline() {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @Order(1)
    void everySeedIsStoredWithItsIdentityItsApplicationsAndItsAlerts() throws IOException {
        Map<Seed, String> ids = new java.util.LinkedHashMap<>();
        for (Seed seed : SEEDS) {
            ids.put(seed, acceptedId(seed.file(), SampleReports.bytes(seed.file())));
        }

        for (var entry : ids.entrySet()) {
            Seed seed = entry.getKey();
            JsonNode report = awaitStored(entry.getValue());
            assertThat(report.path("agency").asText()).as(seed.file()).isEqualTo(seed.agency());
            assertThat(report.path("year").asInt()).as(seed.file()).isEqualTo(seed.year());
            assertThat(report.path("template").asText()).as(seed.file()).isEqualTo(seed.template());
            assertThat(report.path("applications").path("newApplications").path(6).asInt(-1))
                    .as(seed.file() + " new applications, total column").isEqualTo(seed.newApplicationsTotal());
            assertThat(report.path("alertCount").asInt(-1)).as(seed.file()).isEqualTo(seed.alerts());
            assertThat(client.alerts(entry.getValue()).body().path("total").asInt(-1)).isEqualTo(seed.alerts());
        }
    }

    @Test
    @Order(2)
    void aReportThatDoesNotAddUpRaisesAnAlertPerFailedCheck() throws IOException {
        String text = SampleReports.withTwoNewApplications(SampleReports.text(SampleReports.SEED_002)
                .replace("孟津区白鹤镇", "孟津区平乐镇"));
        String id = acceptedId("inconsistent.txt", text.getBytes(StandardCharsets.UTF_8));

        JsonNode report = awaitStored(id);

        assertThat(report.path("status").asText()).isEqualTo("errors");
        await().atMost(STORED_WITHIN).untilAsserted(() -> {
            JsonNode alerts = client.alerts(id).body();
            assertThat(alerts.path("total").asInt()).isEqualTo(3);
            assertThat(alerts.path("items").findValuesAsText("ruleId"))
                    .containsExactlyInAnyOrder("S3-BALANCE", "S3-BALANCE", "PROSE-COUNT");
        });
        assertThat(report.path("alertCount").asInt()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void postingTheSameFileTwiceStoresOneReport() throws Exception {
        byte[] seed = SampleReports.bytes(SEEDS.get(0).file());
        String first = acceptedId("again.txt", seed);
        String second = acceptedId("again-renamed.txt", seed);
        assertThat(second).isEqualTo(first);

        awaitDrained();

        JsonNode found = client.reports("agency=" + PipelineClient.encode("盐池县花马池镇") + "&year=2024").body();
        assertThat(found.path("total").asInt()).isEqualTo(1);
        JsonNode report = found.path("items").path(0);
        assertThat(report.path("reportId").asText()).isEqualTo(first);
        assertThat(report.path("history")).isEmpty();
    }

    @Test
    @Order(4)
    void garbageGoesToTheDeadLetterTopicWithAReasonAndTheOthersStillArrive() throws Exception {
        String notAReport = acceptedId("shopping-list.txt",
                "买菜：白菜两斤，豆腐一块，鸡蛋十个。Lorem ipsum dolor sit amet.".getBytes(StandardCharsets.UTF_8));
        byte[] brokenRecord = "these bytes are no Avro record".getBytes(StandardCharsets.UTF_8);
        topics.produceRaw(Topics.RAW, "broken", brokenRecord);
        String report = acceptedId("after-garbage.txt", variant(99));

        awaitStored(report);
        await().atMost(STORED_WITHIN).untilAsserted(() -> {
            List<DeadLetter> letters = topics.deadLetters();
            assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.getReportId()).isEqualTo(notAReport);
                assertThat(letter.getStage()).isEqualTo("parse");
                assertThat(letter.getErrorType()).isEqualTo("NOT_A_REPORT");
                assertThat(letter.getReason()).isNotBlank();
                assertThat(letter.getOriginalValue().remaining()).isPositive();
            });
            assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD");
                assertThat(letter.getReason()).isNotBlank();
                assertThat(bytes(letter)).isEqualTo(brokenRecord);
            });
        });
        assertThat(client.report(notAReport).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void servicesKilledMidStreamAndRestartedLoseNoReport() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(acceptedId("variant-" + i + ".txt", variant(i)));
        }
        // Killed as the last upload was acknowledged: the reports it had not committed are consumed again.
        stack.kill(ServiceProcess.PARSE);
        assertThat(topics.lag("parse-service", Topics.RAW)).as("raw reports parse-service held uncommitted when killed")
                .isPositive();
        for (int i = 10; i < 20; i++) {
            ids.add(acceptedId("variant-" + i + ".txt", variant(i)));
        }
        // Renamed copies of seeds 001-004, the last of their families to arrive, so each is judged once (a report's
        // copies arriving later would judge it again); 002 with two new applications, three alerts.
        Map<String, Integer> judgedOnce = new java.util.LinkedHashMap<>();
        for (Seed seed : SEEDS.subList(1, SEEDS.size())) {
            String text = SampleReports.text(seed.file())
                    .replace(seed.agency(), "复制县" + seed.agency());
            boolean inconsistent = seed.file().equals(SampleReports.SEED_002);
            if (inconsistent) {
                text = SampleReports.withTwoNewApplications(text);
            }
            String id = acceptedId("copy-of-" + seed.file(), text.getBytes(StandardCharsets.UTF_8));
            ids.add(id);
            judgedOnce.put(id, inconsistent ? 3 : seed.alerts());
        }

        // validate-service killed with verdicts written but not committed (mid-transaction), while the restarted
        // parse-service's backlog streams in: exactly once, they are aborted and their reports judged again.
        stack.restart(ServiceProcess.PARSE);
        killValidateServiceWithVerdictsUncommitted(judgedOnce.keySet());
        stack.restart(ServiceProcess.VALIDATE);
        for (String id : ids) {
            awaitStored(id);
        }

        // MongoDB frozen (SIGSTOP: connections open, no answer): store-service's write of the next reports hangs
        // after it consumed them, and it is killed so. A consumer that acknowledged a batch before writing it would
        // have committed it within the commit interval watched here, and lost it with the kill.
        awaitDrained();
        int verdictsBefore = verdictsOnTheTopic();
        double polledBefore = validatedRecordsPolledByStore();
        E2eStack.freeze(stack, MongoStore.COMPONENT);
        List<String> unwritten = new ArrayList<>();
        try {
            for (int i = 20; i < 30; i++) {
                unwritten.add(acceptedId("variant-" + i + ".txt", variant(i)));
            }
            await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(topics.lag("parse-service", Topics.RAW)).isZero();
                assertThat(topics.lag("validate-service", Topics.PARSED)).isZero();
            });
            // Each report's verdict, and those of the copies of it judged again.
            int verdicts = verdictsOnTheTopic() - verdictsBefore;
            // Its first poll goes to the listener at once (it was idle), which cannot write it.
            await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(validatedRecordsPolledByStore() - polledBefore)
                            .as("verdicts store-service consumed while MongoDB was frozen").isPositive());
            await().during(COMMIT_INTERVAL.plusSeconds(1)).atMost(COMMIT_INTERVAL.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                            assertThat(topics.lag("store-service", Topics.VALIDATED))
                                    .as("verdicts store-service consumed but could not write, uncommitted")
                                    .isEqualTo(verdicts));
            stack.kill(ServiceProcess.STORE);
        } finally {
            E2eStack.thaw(stack, MongoStore.COMPONENT);
        }
        stack.restart(ServiceProcess.STORE);
        ids.addAll(unwritten);

        for (String id : ids) {
            awaitStored(id);
        }
        // Exactly once through validate-service's kill: one committed verdict per report, no alert twice.
        Map<String, Long> verdicts = topics.committedRecords(Topics.VALIDATED, new ValidatedReportDeserializer())
                .stream().collect(Collectors.groupingBy(record -> record.value().getReport().getReportId(),
                        Collectors.counting()));
        Map<String, List<String>> alertIds = topics.committedRecords(Topics.ALERTS, new AlertDeserializer()).stream()
                .collect(Collectors.groupingBy(record -> record.value().getReportId(),
                        Collectors.mapping(record -> record.value().getAlertId(), Collectors.toList())));
        judgedOnce.forEach((id, alerts) -> {
            assertThat(verdicts.get(id)).as("committed verdicts of %s", id).isEqualTo(1L);
            assertThat(alertIds.getOrDefault(id, List.of())).as("committed alerts of %s", id)
                    .hasSize(alerts).doesNotHaveDuplicates();
            assertThat(client.alerts(id).body().path("total").asInt(-1)).as("stored alerts of %s", id)
                    .isEqualTo(alerts);
        });
    }

    /**
     * Freezes validate-service (SIGSTOP) at a moment it has written verdicts it has not committed, and kills it so:
     * a transaction of it open on reports.validated or reports.alerts (a partition's last stable offset short of
     * its end), or a verdict of one of {@code reportIds} on reports.validated while that report's parsed record is
     * past validate-service's committed offsets (how a validate-service that is not exactly-once would stand). A
     * moment with neither is let go (SIGCONT) and another tried.
     */
    private void killValidateServiceWithVerdictsUncommitted(java.util.Set<String> reportIds) throws Exception {
        await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            E2eStack.freeze(stack, ServiceProcess.VALIDATE);
            if (topics.openTransaction(Topics.VALIDATED) || topics.openTransaction(Topics.ALERTS)
                    || verdictWrittenOfAnUncommittedReport(reportIds)) {
                return true;
            }
            E2eStack.thaw(stack, ServiceProcess.VALIDATE);
            return false;
        });
        stack.kill(ServiceProcess.VALIDATE);
        assertThat(topics.lag("validate-service", Topics.PARSED))
                .as("parsed reports validate-service held uncommitted when killed").isPositive();
    }

    private boolean verdictWrittenOfAnUncommittedReport(java.util.Set<String> reportIds) throws Exception {
        java.util.Set<String> uncommitted = topics.uncommitted("validate-service", Topics.PARSED,
                        new ParsedReportDeserializer()).stream()
                .map(ParsedReport::getReportId).filter(reportIds::contains).collect(Collectors.toSet());
        return !uncommitted.isEmpty() && topics.records(Topics.VALIDATED, new ValidatedReportDeserializer()).stream()
                .anyMatch(record -> uncommitted.contains(record.value().getReport().getReportId()));
    }

    private int verdictsOnTheTopic() {
        return topics.committedRecords(Topics.VALIDATED, new ValidatedReportDeserializer()).size();
    }

    /** The records store-service's consumer of reports.validated polled since it started (its Kafka client's metric). */
    private double validatedRecordsPolledByStore() {
        return client.storeMetrics().lines()
                .filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_consumed_total{")
                        && line.contains("client_id=\"kafka-consumer-validated-reports\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no records-consumed metric of store-service's "
                        + "validated-reports consumer in /q/metrics"));
    }

    @Test
    @Order(6)
    void eachUploadIsOneTraceThroughTheFourServices() throws IOException {
        String first = acceptedId("traced-1.txt", variant(90));
        String second = acceptedId("traced-2.txt", variant(91));
        awaitStored(first);
        awaitStored(second);

        // The services export in batches, some seconds after a span ends.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String firstTrace = assertOneTraceThroughTheServices(first);
            String secondTrace = assertOneTraceThroughTheServices(second);
            assertThat(firstTrace).isNotEqualTo(secondTrace);
        });
    }

    /**
     * The upload's trace: begun by ingest-service's request, it holds every stage's span of the document, and the
     * document's ingest and parse spans are in no other trace (validate-service may judge a kept report again in
     * another document's trace).
     *
     * @return its trace id
     */
    private String assertOneTraceThroughTheServices(String documentId) {
        List<OtlpCollector.ExportedSpan> spans = collector.spans();
        List<OtlpCollector.ExportedSpan> ofTheDocument = spans.stream()
                .filter(span -> documentId.equals(span.attributes().get("nianbao.document.id"))).toList();
        assertThat(ofTheDocument).filteredOn(span -> span.name().equals("ingest") || span.name().equals("parse"))
                .extracting(OtlpCollector.ExportedSpan::traceId).as("traces of %s's ingest and parse", documentId)
                .hasSize(2).containsOnly(ofTheDocument.get(0).traceId());
        String trace = ofTheDocument.get(0).traceId();
        assertThat(ofTheDocument).filteredOn(span -> span.traceId().equals(trace))
                .extracting(OtlpCollector.ExportedSpan::service, OtlpCollector.ExportedSpan::name)
                .as("the stages in %s's trace", documentId)
                .contains(tuple(ServiceProcess.INGEST, "ingest"), tuple(ServiceProcess.PARSE, "parse"),
                        tuple(ServiceProcess.VALIDATE, "validate"), tuple(ServiceProcess.STORE, "store"));
        assertThat(spans).filteredOn(span -> span.traceId().equals(trace) && span.root())
                .extracting(OtlpCollector.ExportedSpan::service).as("where %s's trace begins", documentId)
                .containsExactly(ServiceProcess.INGEST);
        return trace;
    }

    /** Seed 000 as another township wrote it: a different agency and content, the same figures. */
    private static byte[] variant(int n) {
        return SampleReports.text(SampleReports.SEED_000)
                .replace("盐池县花马池镇", String.format("测试县第%02d镇", n))
                .getBytes(StandardCharsets.UTF_8);
    }

    private String acceptedId(String fileName, byte[] content) {
        PipelineClient.Response response = client.upload(fileName, content);
        assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
        assertThat(response.location()).endsWith("/api/documents/" + response.body().path("id").asText());
        return response.body().path("id").asText();
    }

    private JsonNode awaitStored(String reportId) {
        return await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> client.report(reportId), r -> r.status() == 200).body();
    }

    private void awaitDrained() {
        await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(topics.lag("parse-service", Topics.RAW)).isZero();
            assertThat(topics.lag("validate-service", Topics.PARSED)).isZero();
            assertThat(topics.lag("store-service", Topics.VALIDATED)).isZero();
        });
    }

    private static byte[] bytes(DeadLetter letter) {
        var buffer = letter.getOriginalValue().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
