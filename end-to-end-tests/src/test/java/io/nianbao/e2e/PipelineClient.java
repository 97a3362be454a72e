package io.nianbao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a user of the pipeline does over HTTP: upload to ingest-service, read store-service. */
final class PipelineClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String storeUrl;
    private final String apiKey;

    PipelineClient(String ingestUrl, String storeUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.storeUrl = storeUrl;
        this.apiKey = apiKey;
    }

    record Response(int status, JsonNode body, String location) {
    }

    Response upload(String fileName, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/reports?fileName=" + encode(fileName)))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        return send(request);
    }

    /** The stored report for a report id, or a 404 response while it is not stored. */
    Response report(String reportId) {
        return get(storeUrl + "/api/reports/" + reportId);
    }

    Response reports(String query) {
        return get(storeUrl + "/api/reports?" + query);
    }

    Response alerts(String reportId) {
        return get(storeUrl + "/api/alerts?size=200&reportId=" + reportId);
    }

    /** store-service's metrics as Prometheus text (GET /q/metrics), among them its Kafka consumers'. */
    String storeMetrics() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(storeUrl + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/metrics of store-service answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET /api/sources/{id}/status of ingest-service. */
    Response sourceStatus(String sourceId) {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/sources/" + sourceId + "/status"))
                .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** GET /api/documents/{id} of store-service: the document's status and history. */
    Response document(String reportId) {
        return get(storeUrl + "/api/documents/" + reportId);
    }

    Response deadLetters(String query) {
        return get(storeUrl + "/api/dead-letters?" + query);
    }

    /** POST /api/dead-letters/{id}/replay with the API key. */
    Response replay(String deadLetterId) {
        return send(HttpRequest.newBuilder(URI.create(storeUrl + "/api/dead-letters/" + encode(deadLetterId) + "/replay"))
                .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Any GET of a service of the stack, by its whole URL (e.g. a second instance's). */
    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
