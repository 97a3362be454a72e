package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code nianbao status} and {@code down} see of processes another launcher started. */
class RunningStackTests {
    @TempDir
    Path dataDir;

    private ServiceProcess service;

    @AfterEach
    void leaveNoProcessBehind() {
        if (service != null && service.isAlive()) {
            service.kill();
        }
    }

    private ServiceProcess startedElsewhere() {
        int port = StackPorts.freePorts(1).get(0);
        service = new ServiceProcess(ServiceProcess.STORE, FakeService.command(), port, Map.of(),
                dataDir.resolve("logs/store-service.log"), new RunDirectory(dataDir));
        service.start();
        Properties stack = new Properties();
        stack.setProperty("store-service.port", Integer.toString(port));
        stack.setProperty("store-service.url", service.url().toString());
        new RunDirectory(dataDir).writeStack(stack);
        return service;
    }

    @Test
    void statusShowsTheRecordedProcessRunningAndReadyAndTheOthersStopped() {
        ServiceProcess store = startedElsewhere();

        var statuses = new RunningStack(dataDir).status();

        assertThat(statuses).extracting(RunningStack.ComponentStatus::name).containsExactlyElementsOf(LocalStack.COMPONENTS);
        assertThat(statuses).filteredOn(s -> s.name().equals(ServiceProcess.STORE)).singleElement().satisfies(s -> {
            assertThat(s.pid()).contains(store.pid());
            assertThat(s.port()).contains(store.port());
            assertThat(s.ready()).isTrue();
        });
        assertThat(statuses).filteredOn(s -> !s.name().equals(ServiceProcess.STORE)).allSatisfy(s -> {
            assertThat(s.running()).isFalse();
            assertThat(s.ready()).isFalse();
        });
        assertThat(new RunningStack(dataDir).url(ServiceProcess.STORE)).contains(store.url().toString());
    }

    @Test
    void downStopsTheRecordedProcessesGracefullyAndClearsTheRunDirectory() throws Exception {
        ServiceProcess store = startedElsewhere();
        RunningStack running = new RunningStack(dataDir);
        assertThat(running.anyRunning()).isTrue();

        var stopped = running.down();

        assertThat(stopped).containsExactly("store-service (pid " + store.pid() + ") stopped");
        assertThat(ProcessHandle.of(store.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(store.logFile())).contains(FakeService.STOPPING);
        assertThat(running.anyRunning()).isFalse();
        try (var files = Files.list(new RunDirectory(dataDir).path())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewStackRefusesToStartOverOneThatStillRuns() {
        startedElsewhere();

        assertThatThrownBy(() -> new RunningStack(dataDir).requireNoneRunning())
                .hasMessageContaining("a stack already runs")
                .hasMessageContaining("store-service")
                .hasMessageContaining("nianbao down");
    }
}
