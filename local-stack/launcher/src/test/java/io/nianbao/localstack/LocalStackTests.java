package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's decisions that need no process; {@code LocalStackIT} starts the real ones. */
class LocalStackTests {
    @TempDir
    Path dataDir;

    private LocalStack.Builder builder() {
        return LocalStack.builder(Path.of("."), dataDir);
    }

    @Test
    void theServicesGetTheStacksAddressesAndKeyAndNothingInheritedThatTheStackDidNotSet() {
        Map<String, String> env = builder().environment(Map.of("NIANBAO_API_KEY", "secret"))
                .serviceEnvironment("127.0.0.1:19092", "mongodb://127.0.0.1:27018");

        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27018")
                .containsEntry("NIANBAO_API_KEY", "secret")
                .containsEntry("MONGODB_DATABASE", null);
    }

    @Test
    void validateServiceKeepsItsStateStoresInTheStacksDataDirectory() {
        assertThat(builder().serviceEnvironment("b", "m").get("NIANBAO_STATE_DIR"))
                .isEqualTo(dataDir.resolve("validate-service-state").toAbsolutePath().toString());
    }

    @Test
    void tesseractRunsOnOneThreadUnlessTheServicesAreToldOtherwise() {
        assumeTrue(System.getenv("OMP_THREAD_LIMIT") == null, "the caller sets OMP_THREAD_LIMIT itself");
        assertThat(builder().serviceEnvironment("b", "m")).containsEntry("OMP_THREAD_LIMIT", "1");
        assertThat(builder().serviceSettings(Map.of("OMP_THREAD_LIMIT", "4")).serviceEnvironment("b", "m"))
                .containsEntry("OMP_THREAD_LIMIT", "4");
    }

    @Test
    void serviceSettingsReachTheServicesButNeverOverrideTheStacksWiring() {
        Map<String, String> env = builder().serviceSettings(Map.of("NIANBAO_CRAWL_ALLOW_PRIVATE", "true",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")).serviceEnvironment("127.0.0.1:19092", "m");

        assertThat(env).containsEntry("NIANBAO_CRAWL_ALLOW_PRIVATE", "true")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    }

    @Test
    void anOtlpEndpointTurnsTheServicesTracingOnAndPointsItThere() {
        assertThat(builder().environment(Map.of("NIANBAO_OTLP_ENDPOINT", "http://localhost:4318"))
                .serviceEnvironment("b", "m"))
                .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
        assertThat(builder().environment(Map.of()).serviceEnvironment("b", "m"))
                .doesNotContainKeys("QUARKUS_OTEL_SDK_DISABLED", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @Test
    void aBlankApiKeyMeansNoKey() {
        assertThat(builder().apiKey("  ").serviceEnvironment("b", "m")).containsEntry("NIANBAO_API_KEY", null);
    }

    @Test
    void aPartitionCountThatIsNoPositiveNumberIsRefusedWithTheVariableName() {
        assertThatThrownBy(() -> builder().environment(Map.of("KAFKA_PARTITIONS", "many")))
                .hasMessageContaining("KAFKA_PARTITIONS").hasMessageContaining("many");
        assertThatThrownBy(() -> builder().environment(Map.of("KAFKA_PARTITIONS", "0")))
                .hasMessageContaining("KAFKA_PARTITIONS");
    }

    @Test
    void anUnknownServiceIsRefused() {
        assertThatThrownBy(() -> builder().services(List.of("billing-service"))).hasMessageContaining("billing-service");
    }

    @Test
    void aPortInUseStopsTheStartBeforeAnyProcessIsLaunched() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StackPorts free = StackPorts.free();
            StackPorts ports = new StackPorts(taken.getLocalPort(), free.controller(), free.mongo(), free.services());

            assertThatThrownBy(() -> builder().ports(ports).start())
                    .hasMessageContaining("port " + taken.getLocalPort() + " for Kafka is already in use");
        }
        assertThat(new RunningStack(dataDir).anyRunning()).isFalse();
        assertThat(dataDir.resolve("logs")).doesNotExist();
    }
}
