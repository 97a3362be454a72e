package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTests {
    @TempDir
    Path dataDir;

    private ServiceProcess service;

    @AfterEach
    void leaveNoProcessBehind() {
        if (service != null && service.isAlive()) {
            service.kill();
        }
    }

    private ServiceProcess fake(Map<String, String> env, String... args) {
        RunDirectory run = new RunDirectory(dataDir);
        service = new ServiceProcess(ServiceProcess.INGEST, FakeService.command(args), StackPorts.freePorts(1).get(0), env,
                dataDir.resolve("logs/ingest-service.log"), run);
        return service;
    }

    @Test
    void startReturnsOnceTheHealthEndpointAnswersAndRecordsThePid() {
        ServiceProcess service = fake(Map.of());

        service.start();

        assertThat(Probes.ready(service.url())).isTrue();
        assertThat(new RunDirectory(dataDir).read(ServiceProcess.INGEST)).hasValueSatisfying(pid -> {
            assertThat(pid.pid()).isEqualTo(service.pid());
            assertThat(pid.liveProcess()).isPresent();
        });
    }

    @Test
    void theServiceGetsTheStacksVariables() throws Exception {
        ServiceProcess service = fake(Map.of("NIANBAO_API_KEY", "key-of-this-stack"));

        service.start();

        String health = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(service.url().resolve("/q/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"key\":\"key-of-this-stack\"");
    }

    @Test
    void stopSendsSigtermSoTheServiceShutsDownCleanly() throws Exception {
        ServiceProcess service = fake(Map.of());
        service.start();

        service.stop();

        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(service.logFile())).contains(FakeService.STOPPING);
        assertThat(new RunDirectory(dataDir).read(ServiceProcess.INGEST)).isEmpty();
    }

    @Test
    void killEndsTheProcessWithoutItsShutdownAndRestartBringsItBack() throws Exception {
        ServiceProcess service = fake(Map.of());
        service.start();
        long first = service.pid();

        service.kill();

        assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(service.logFile())).doesNotContain(FakeService.STOPPING);

        service.restart();

        assertThat(service.pid()).isNotEqualTo(first);
        assertThat(Probes.ready(service.url())).isTrue();
    }

    @Test
    void aServiceThatDiesWhileStartingFailsWithTheEndOfItsLog() {
        ServiceProcess service = fake(Map.of(), "fail");

        assertThatThrownBy(service::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingest-service exited with status 3")
                .hasMessageContaining("cannot start, no configuration");
        assertThat(new RunDirectory(dataDir).read(ServiceProcess.INGEST)).isEmpty();
    }
}
