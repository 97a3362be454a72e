package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.nianbao.cli.BenchReports;
import io.nianbao.localstack.KafkaBroker;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AlertDeserializer;

/**
 * The broker killed (kill -9) while the stages work on reports it had acknowledged, then started again on its data:
 * every report accepted before and after is stored, none twice, and no alert twice. The services are not restarted:
 * they wait for the broker and go on.
 */
class BrokerKilledMidStreamEndToEndIT {
    private static final Path DATA = Path.of("target", "e2e-broker-kill-stack");
    private static final Duration STORED_WITHIN = Duration.ofSeconds(180);
    private static final int BEFORE_THE_KILL = 20;
    private static final int AFTER_THE_KILL = 5;

    private static LocalStack stack;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theBrokerKilledMidStreamAndStartedAgainLosesNoAcceptedReportAndStoresNoneTwice() throws Exception {
        stack = E2eStack.start(DATA);
        PipelineClient client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE),
                stack.apiKey());
        // Distinct reports of agencies in counties far apart: none a copy of another, none part of another's county.
        BenchReports reports = new BenchReports();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < BEFORE_THE_KILL; n++) {
            PipelineClient.Response response = upload(client, reports, n);
            assertThat(response.status()).as("upload %d: %s", n, response.body()).isEqualTo(202);
            ids.add(response.body().path("id").asText());
        }
        // And one that does not add up (seed 002 with two new applications instead of one), so that some alerts are
        // on their way too: the bench reports raise none.
        String inconsistent = SampleReports.withTwoNewApplications(SampleReports.text(SampleReports.SEED_002));
        PipelineClient.Response inconsistentUpload =
                client.upload("inconsistent.txt", inconsistent.getBytes(StandardCharsets.UTF_8));
        assertThat(inconsistentUpload.status()).as("upload of the inconsistent report: %s", inconsistentUpload.body())
                .isEqualTo(202);
        String inconsistentId = inconsistentUpload.body().path("id").asText();
        ids.add(inconsistentId);

        stack.kill(KafkaBroker.COMPONENT);
        int storedAtTheKill = client.reports("size=1").body().path("total").asInt();
        assertThat(storedAtTheKill).as("reports stored when the broker was killed: the others were mid-stream")
                .isLessThan(BEFORE_THE_KILL + 1);
        stack.restart(KafkaBroker.COMPONENT);

        for (int n = BEFORE_THE_KILL; n < BEFORE_THE_KILL + AFTER_THE_KILL; n++) {
            int report = n;
            // ingest-service answers 503 until its producer has the broker back; the same bytes are the same report.
            PipelineClient.Response accepted = await("upload " + n + " accepted").atMost(STORED_WITHIN)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> upload(client, reports, report), response -> response.status() == 202);
            ids.add(accepted.body().path("id").asText());
        }
        for (String id : ids) {
            await("accepted report " + id + " stored").atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> client.report(id).status() == 200);
        }

        assertThat(Set.copyOf(ids)).as("distinct reports accepted").hasSize(BEFORE_THE_KILL + 1 + AFTER_THE_KILL);
        assertThat(client.reports("size=1").body().path("total").asInt()).as("reports stored")
                .isEqualTo(BEFORE_THE_KILL + 1 + AFTER_THE_KILL);
        try (PipelineTopics topics = new PipelineTopics(stack.bootstrapServers())) {
            // Parse-service may publish a report again after the crash and validate-service judge it again: its
            // alerts then come twice on the topic, with the same ids, and are stored once.
            Map<String, Set<String>> alertIds = topics.committedRecords(Topics.ALERTS, new AlertDeserializer()).stream()
                    .collect(Collectors.groupingBy(record -> record.value().getReportId(),
                            Collectors.mapping(record -> record.value().getAlertId(), Collectors.toSet())));
            assertThat(alertIds.get(inconsistentId)).as("alerts of the inconsistent report").isNotEmpty();
            for (String id : ids) {
                assertThat(client.alerts(id).body().path("total").asInt(-1)).as("stored alerts of %s", id)
                        .isEqualTo(alertIds.getOrDefault(id, Set.of()).size());
            }
        }
    }

    private static PipelineClient.Response upload(PipelineClient client, BenchReports reports, int n) {
        return client.upload("report-" + n + ".txt", reports.report(n).text().getBytes(StandardCharsets.UTF_8));
    }
}
