package io.nianbao.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Uploads report files to ingest-service: {@code POST /api/reports?fileName=} with the raw bytes, answered 202 {@code {"id"}}. */
final class IngestClient {
    static final String URL_ENV = "NIANBAO_INGEST_URL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;

    IngestClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    /** The id ingest-service gave the file, or why it was not accepted. */
    record Upload(Path file, String id, String error) {
        boolean accepted() {
            return id != null;
        }
    }

    Upload upload(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Upload(file, null, "cannot read the file: " + e.getMessage());
        }
        return upload(file, content);
    }

    /** Uploads {@code content} under the name of {@code file}, which need not exist on disk. */
    Upload upload(Path file, byte[] content) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/reports?fileName="
                        + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 202) {
                String id = JSON.readTree(response.body()).path("id").asText(null);
                return id == null ? new Upload(file, null, "HTTP 202 without an id: " + response.body()) : new Upload(file, id, null);
            }
            return new Upload(file, null, "HTTP " + response.statusCode() + ": " + message(response.body()));
        } catch (IOException e) {
            return new Upload(file, null, "cannot reach ingest-service at " + baseUrl + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Upload(file, null, "interrupted");
        }
    }

    /** The service's own explanation when its error body is JSON with one, else the body as it came. */
    private static String message(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : new String[] { "message", "error", "details" }) {
                if (json != null && json.hasNonNull(field)) {
                    return json.get(field).asText();
                }
            }
        } catch (IOException notJson) {
            // a plain-text error is shown as it is
        }
        return body.isBlank() ? "(no message)" : body.strip();
    }
}
