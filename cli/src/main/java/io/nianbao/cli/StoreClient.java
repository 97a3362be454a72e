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
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads store-service: a stored report by its id, and how many alerts it raised. */
final class StoreClient {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** {@code total} of {@code GET /api/alerts?reportId=}. */
    int alertCount(String reportId) {
        HttpResponse<String> response = get("/api/alerts?reportId=" + encode(reportId));
        JsonNode total = response.statusCode() == 200 ? parse(response.body()).get("total") : null;
        if (total == null || !total.canConvertToInt()) {
            throw new IllegalStateException("store-service answered HTTP " + response.statusCode() + " without a total for the alerts of "
                    + reportId + ": " + response.body());
        }
        return total.asInt();
    }

    private HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET();
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
