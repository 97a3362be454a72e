package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchCommandTests {

    @Test
    void aReplayedDocumentIsDoneOnceReceivedAgainAfterTheReplayBeganAndStored() throws IOException {
        Instant replayStart = Instant.parse("2026-12-06T10:00:00Z");
        String receivedBefore = "{\"state\":\"received\",\"at\":\"2026-12-06T09:00:00Z\"}";
        String receivedAfter = "{\"state\":\"received\",\"at\":\"2026-12-06T10:00:01Z\"}";

        assertThat(BenchCommand.showsReplayStored(status("stored", receivedBefore, receivedAfter), replayStart)).isTrue();
        assertThat(BenchCommand.showsReplayStored(status("stored", receivedBefore), replayStart)).as("not replayed yet").isFalse();
        assertThat(BenchCommand.showsReplayStored(status("received", receivedBefore, receivedAfter), replayStart))
                .as("replay not parsed yet").isFalse();
    }

    @Test
    void uploadToValidatedLeavesOutAReportJudgedAgainAfterItWasStored() throws IOException {
        BenchCommand.Timeline judgedOnce = BenchCommand.Timeline.of(stored("10:00:00", "10:00:00.400", "10:00:00.500"));
        BenchCommand.Timeline judgedAgain = BenchCommand.Timeline.of(stored("10:00:00", "10:01:10", "10:00:00.600"));

        assertThat(BenchCommand.uploadToValidated(List.of(judgedOnce, judgedAgain))).containsExactly(400L);
    }

    private static JsonNode stored(String receivedAt, String validatedAt, String storedAt) throws IOException {
        return new ObjectMapper().readTree("{\"source\":{\"receivedAt\":\"2026-12-06T" + receivedAt + "Z\"},"
                + "\"validatedAt\":\"2026-12-06T" + validatedAt + "Z\",\"storedAt\":\"2026-12-06T" + storedAt + "Z\"}");
    }

    private static JsonNode status(String status, String... events) throws IOException {
        return new ObjectMapper().readTree("{\"status\":\"" + status + "\",\"history\":[" + String.join(",", events) + "]}");
    }
}
