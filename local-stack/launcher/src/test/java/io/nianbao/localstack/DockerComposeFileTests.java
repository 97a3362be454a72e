package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.testsupport.MachineTool;

/**
 * The repository's docker-compose.yml, as Compose itself resolves it ({@code docker-compose config}, which needs no
 * Docker engine): valid, the production shape (three brokers, a three-member replica set, one entry point, Jaeger
 * receiving the services' traces), and scalable (no service but the entry point and Jaeger's UI publishes a host
 * port).
 */
class DockerComposeFileTests {
    private static final Path COMPOSE_FILE = NianbaoHome.locate().resolve("docker-compose.yml");
    /** A service of the resolved file: its name, then its settings (every line indented deeper than the name). */
    private static final Pattern SERVICE = Pattern.compile("(?m)^  (\\S+):\\n((?:    .*\\n)*)");
    private static final List<String> SERVICES = List.of("ingest-service", "parse-service", "validate-service",
            "store-service");

    /** Per test, not per class: surefire counts skipped tests, but not a class skipped before its tests. */
    @BeforeEach
    void composeIsInstalled() {
        MachineTool.DOCKER_COMPOSE.require(run("docker-compose", "version").exitCode() == 0, "checking docker-compose.yml");
    }

    @Test
    void composeAcceptsTheFile() {
        Result config = config();

        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void threeBrokersAThreeMemberReplicaSetTheServicesAndOneEntryPoint() {
        Result services = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "--services");

        assertThat(services.output().lines().toList()).containsAll(SERVICES).contains("kafka-1", "kafka-2", "kafka-3",
                "kafka-topics", "mongo-1", "mongo-2", "mongo-3", "mongo-init", "api", "jaeger");
    }

    @Test
    void onlyTheEntryPointAndJaegersUiPublishAHostPortSoEveryServiceScales() {
        String resolved = config().output();

        List<String> publishing = services(resolved).entrySet().stream()
                .filter(service -> service.getValue().contains("\n    ports:")).map(Map.Entry::getKey).toList();

        assertThat(publishing).containsExactlyInAnyOrder("api", "jaeger");
    }

    @Test
    void everyServiceTracesToJaeger() {
        Map<String, String> services = services(config().output());

        assertThat(SERVICES).allSatisfy(name -> assertThat(services.get(name)).as(name)
                .contains("QUARKUS_OTEL_SDK_DISABLED: \"false\"", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: http://jaeger:4318"));
    }

    @Test
    void topicsAreReplicatedThreeTimesAndWritesNeedTwoInSyncReplicas() {
        String resolved = config().output();

        assertThat(resolved).contains("KAFKA_DEFAULT_REPLICATION_FACTOR: 3", "KAFKA_MIN_INSYNC_REPLICAS: 2",
                "KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", "--replSet",
                "replicaSet=rs0");
    }

    @Test
    void everyLongRunningContainerRestarts() {
        String resolved = config().output();

        Map<String, String> services = services(config().output());

        assertThat(services).hasSize(SERVICES.size() + 10);
        services.forEach((name, settings) -> {
            if (!name.equals("kafka-topics") && !name.equals("mongo-init")) {
                assertThat(settings).as(name).contains("\n    restart: unless-stopped\n");
            }
        });
    }

    /** Each service of the resolved file by name: its settings, the lines indented below the name. */
    private static Map<String, String> services(String resolved) {
        String section = resolved.substring(resolved.indexOf("services:\n"), resolved.indexOf("\nvolumes:\n") + 1);
        Map<String, String> services = new LinkedHashMap<>();
        Matcher service = SERVICE.matcher(section);
        while (service.find()) {
            services.put(service.group(1), "\n" + service.group(2));
        }
        return services;
    }

    private static Result config() {
        return run("docker-compose", "-f", COMPOSE_FILE.toString(), "config");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
