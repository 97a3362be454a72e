package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.nianbao.localstack.KafkaBroker;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MongoStore;
import io.nianbao.localstack.RunningStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.localstack.StackPorts;

/**
 * {@code nianbao up} run again over a stack some of whose processes crashed: it starts exactly the missing ones, on
 * the ports the stack recorded, leaves the survivors alone, counts the restarts for {@code nianbao status}, and the
 * reports accepted while a stage was down are stored once it is back.
 */
class StackHealingEndToEndIT {
    private static final Path DATA = Path.of("target", "e2e-healing-stack");
    private static final Duration STORED_WITHIN = Duration.ofSeconds(120);

    @AfterAll
    static void stopWhateverRuns() {
        new RunningStack(DATA).down();
    }

    @Test
    void upAgainStartsOnlyTheCrashedServicesAndThePipelineDrains() throws IOException {
        LocalStack first = E2eStack.start(DATA, Map.of(), true);
        PipelineClient client = new PipelineClient(first.url(ServiceProcess.INGEST), first.url(ServiceProcess.STORE),
                first.apiKey());
        String before = accepted(client, "before.txt", variant(0));
        awaitStored(client, before);
        Map<String, Long> survivors = new HashMap<>();
        for (String component : List.of(KafkaBroker.COMPONENT, MongoStore.COMPONENT, ServiceProcess.INGEST,
                ServiceProcess.VALIDATE)) {
            survivors.put(component, first.pid(component));
        }

        first.kill(ServiceProcess.PARSE);
        first.kill(ServiceProcess.STORE);
        List<String> whileDown = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            whileDown.add(accepted(client, "while-down-" + n + ".txt", variant(n)));
        }

        // Other free ports on purpose: the healed components must come back on the ports the stack recorded.
        List<String> progress = new ArrayList<>();
        LocalStack healed = LocalStack.builder(E2eStack.home(), DATA)
                .environment(Map.of()).ports(StackPorts.free()).apiKey(first.apiKey()).outliveLauncher(true)
                .progress(line -> {
                    System.out.println("[stack, up again] " + line);
                    progress.add(line);
                })
                .start();

        assertThat(progress).filteredOn(line -> line.startsWith("starting "))
                .extracting(line -> line.split(" ")[1])
                .containsExactlyInAnyOrder(ServiceProcess.PARSE, ServiceProcess.STORE);
        survivors.forEach((component, pid) -> assertThat(new RunningStack(DATA).pid(component)).as(component).contains(pid));
        assertThat(healed.url(ServiceProcess.STORE)).isEqualTo(first.url(ServiceProcess.STORE));
        assertThat(healed.url(ServiceProcess.INGEST)).isEqualTo(first.url(ServiceProcess.INGEST));
        for (String id : whileDown) {
            awaitStored(client, id);
        }
        assertThat(new RunningStack(DATA).status()).allSatisfy(status -> {
            assertThat(status.ready()).as(status.name() + " ready").isTrue();
            int restarts = List.of(ServiceProcess.PARSE, ServiceProcess.STORE).contains(status.name()) ? 1 : 0;
            assertThat(status.restarts()).as(status.name() + " restarts").isEqualTo(restarts);
        });
    }

    private static String accepted(PipelineClient client, String fileName, byte[] content) {
        PipelineClient.Response response = client.upload(fileName, content);
        assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
        return response.body().path("id").asText();
    }

    private static void awaitStored(PipelineClient client, String reportId) {
        await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> client.report(reportId).status() == 200);
    }

    /** Seed 000 as another township wrote it. */
    private static byte[] variant(int n) {
        return SampleReports.text(SampleReports.SEED_000)
                .replace("盐池县花马池镇", String.format("自愈县第%02d镇", n))
                .getBytes(StandardCharsets.UTF_8);
    }
}
