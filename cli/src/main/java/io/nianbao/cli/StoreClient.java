package io.nianbao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.localstack.RunningStack;
import io.nianbao.localstack.ServiceProcess;

/** Reads store-service: a stored report by its id, every stored report, how many alerts one raised, which parser made it. */
final class StoreClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_URL = "http://localhost:8084";
    private static final String STORED_COUNTER = "nianbao_store_reports_total";
    private static final String STORED_OUTCOME = "outcome=\"stored\"";
    private static final int PAGE_SIZE = 200;
    /** A page of a large collection is sorted whole on the embedded store: 21,000 reports took longer than 10 s. */
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    StoreClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /**
     * The stored report; empty while store-service answers 404 (not stored yet) or 503 (its MongoDB not reachable
     * yet, as just after the stack started): the callers wait for it with their own deadline.
     */
    Optional<JsonNode> report(String reportId) {
        HttpResponse<String> response = get("/api/reports/" + encode(reportId));
        return switch (response.statusCode()) {
            case 200 -> Optional.of(parse(response.body()));
            case 404, 503 -> Optional.empty();
            default -> throw new IllegalStateException("store-service answered HTTP " + response.statusCode() + " for report "
                    + reportId + ": " + response.body());
        };
    }

    /**
     * Every stored report, a page of {@value #PAGE_SIZE} at a time ({@code GET /api/reports}, following each page's
     * {@code nextCursor}): on the embedded store a lookup by report id reads the whole collection (mongo-java-server
     * has no secondary index), so reading thousands one by one costs thousands of such reads, and a page one.
     */
    void forEachReport(Consumer<JsonNode> action) {
        String cursor = null;
        do {
            String path = "/api/reports?size=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + encode(cursor));
            HttpResponse<String> response = get(path, PAGE_TIMEOUT);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("store-service answered HTTP " + response.statusCode() + " for " + path
                        + ": " + response.body());
            }
            JsonNode page = parse(response.body());
            page.path("items").forEach(action);
            JsonNode next = page.path("nextCursor");
            cursor = next.isTextual() && !page.path("items").isEmpty() ? next.asText() : null;
        } while (cursor != null);
    }

    /**
     * How many reports store-service has stored as new documents since it started: its counter
     * {@code nianbao_store_reports_total{outcome="stored"}} in {@code GET /q/metrics}; empty while it does not
     * answer yet. Unlike a count of the collection, reading it costs the store nothing (on the embedded store a
     * {@code GET /api/reports} read every document, and a bench waiting that way measured its own reads).
     */
    OptionalLong storedCount() {
        HttpResponse<String> response = get("/q/metrics");
        if (response.statusCode() != 200) {
            return OptionalLong.empty();
        }
        return response.body().lines().filter(line -> line.startsWith(STORED_COUNTER + "{") && line.contains(STORED_OUTCOME))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Long::sum);
    }

    static final String URL_ENV = "NIANBAO_STORE_URL";

    /** NIANBAO_STORE_URL, else the store `nianbao up` started, else http://localhost:8084. */
    static String url(Map<String, String> env) {
        String configured = env.get(URL_ENV);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return new RunningStack(Workspace.of(env).dataDir()).url(ServiceProcess.STORE).orElse(DEFAULT_URL);
        } catch (IllegalStateException noRepository) {
            return DEFAULT_URL;
        }
    }

    /** {@code GET /api/documents/{id}}: the document's status; empty while the store does not know it yet. */
    Optional<JsonNode> document(String reportId) {
        HttpResponse<String> response = get("/api/documents/" + encode(reportId));
        return switch (response.statusCode()) {
            case 200 -> Optional.of(parse(response.body()));
            case 404, 503 -> Optional.empty();
            default -> throw new IllegalStateException("store-service answered HTTP " + response.statusCode() + " for document "
                    + reportId + ": " + response.body());
        };
    }

    /** The parser version of the stored report made from this document, if one is stored. */
    Optional<String> storedParserVersion(String reportId) {
        return document(reportId).flatMap(StoreClient::currentVersion).map(version -> version.path("parserVersion").asText());
    }

    /** In a document's status: the report version made from it that is current, if any. */
    static Optional<JsonNode> currentVersion(JsonNode status) {
        for (JsonNode event : status.path("history")) {
            if ("stored".equals(event.path("state").asText()) && event.path("current").asBoolean()) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** {@code total} of {@code GET /api/alerts?reportId=}. */
    int alertCount(String reportId) {
        return Math.toIntExact(total(get("/api/alerts?reportId=" + encode(reportId)), "the alerts of " + reportId));
    }

    private static long total(HttpResponse<String> response, String what) {
        JsonNode total = response.statusCode() == 200 ? parse(response.body()).get("total") : null;
        if (total == null || !total.canConvertToLong()) {
            throw new IllegalStateException("store-service answered HTTP " + response.statusCode() + " without a total for "
                    + what + ": " + response.body());
        }
        return total.asLong();
    }

    private HttpResponse<String> get(String path) {
        return get(path, Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach store-service at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("store-service answered with no JSON: " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
