package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTests {
    @TempDir
    Path dataDir;

    @Test
    void aRecordedPidIsReadBackAsALiveProcess() {
        RunDirectory run = new RunDirectory(dataDir);

        run.record("kafka", ProcessHandle.current());

        assertThat(run.read("kafka")).hasValueSatisfying(pid -> {
            assertThat(pid.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(pid.liveProcess()).contains(ProcessHandle.current());
        });
        assertThat(dataDir.resolve("run/kafka.pid")).isRegularFile();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsNotTakenForOurs() throws Exception {
        RunDirectory run = new RunDirectory(dataDir);
        Files.createDirectories(run.path());
        // Our pid with another start time: what a stale file looks like once the pid was reused.
        Files.writeString(run.path().resolve("kafka.pid"),
                "pid=" + ProcessHandle.current().pid() + "\nstarted=2001-01-01T00\\:00\\:00Z\n");

        assertThat(run.read("kafka").orElseThrow().liveProcess()).isEmpty();
    }

    @Test
    void forgettingRemovesThePidFile() {
        RunDirectory run = new RunDirectory(dataDir);
        run.record("mongo", ProcessHandle.current());

        run.forget("mongo");

        assertThat(run.read("mongo")).isEmpty();
    }

    @Test
    void theStackDescriptionIsReadBackAndIsEmptyWhenNoneWasWritten() {
        RunDirectory run = new RunDirectory(dataDir);
        assertThat(run.readStack()).isEmpty();

        Properties stack = new Properties();
        stack.setProperty("ingest-service.url", "http://localhost:8081");
        run.writeStack(stack);

        assertThat(run.readStack()).containsEntry("ingest-service.url", "http://localhost:8081");
        run.forgetStack();
        assertThat(run.readStack()).isEmpty();
    }

    @Test
    void aDamagedPidFileIsReportedWithItsPath() throws Exception {
        RunDirectory run = new RunDirectory(dataDir);
        Files.createDirectories(run.path());
        Files.writeString(run.path().resolve("kafka.pid"), "pid=twelve\n");

        assertThatThrownBy(() -> run.read("kafka")).hasMessageContaining("kafka.pid").hasMessageContaining("twelve");
    }
}
