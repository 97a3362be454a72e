package io.nianbao.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of uploaded files, read from store-service's document status: each file stored (with its verdict and
 * alerts) or failed (with the stage and reason), waited for until a deadline.
 */
final class IngestOutcomes {
    private static final Duration POLL = Duration.ofMillis(500);

    /** @param failed true for a failure of the pipeline (or no outcome by the deadline) */
    record Outcome(Path file, String line, boolean failed) {
    }

    private final StoreClient store;

    IngestOutcomes(StoreClient store) {
        this.store = store;
    }

    /** @param accepted report id → file, in upload order */
    Map<String, Outcome> await(Map<String, Path> accepted, Duration timeout) throws InterruptedException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (outcomes.size() < accepted.size() && Instant.now().isBefore(deadline)) {
            for (var entry : accepted.entrySet()) {
                if (!outcomes.containsKey(entry.getKey())) {
                    store.document(entry.getKey()).flatMap(status -> outcome(entry.getKey(), entry.getValue(), status))
                            .ifPresent(outcome -> outcomes.put(entry.getKey(), outcome));
                }
            }
            if (outcomes.size() < accepted.size()) {
                Thread.sleep(POLL.toMillis());
            }
        }
        accepted.forEach((id, file) -> outcomes.putIfAbsent(id, new Outcome(file,
                "pending  " + file + "  not stored or failed within " + timeout.toSeconds() + " s; see GET /api/documents/" + id, true)));
        return outcomes;
    }

    private Optional<Outcome> outcome(String id, Path file, JsonNode status) {
        switch (status.path("status").asText()) {
            case "stored" -> {
                String verdict = StoreClient.currentVersion(status).map(v -> v.path("verdict").asText()).orElse("?");
                return Optional.of(new Outcome(file, "stored   " + file + "  " + verdict + ", "
                        + store.alertCount(id) + " alerts  " + status.path("report").asText(), false));
            }
            case "failed" -> {
                JsonNode failure = status.path("failure");
                return Optional.of(new Outcome(file, "failed   " + file + "  " + failure.path("stage").asText() + " "
                        + failure.path("errorType").asText() + ": " + failure.path("reason").asText(), true));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
