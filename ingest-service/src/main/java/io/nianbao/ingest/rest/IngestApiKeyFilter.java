package io.nianbao.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.nianbao.ingest.service.RequestRejection;
import io.nianbao.ingest.service.UploadRefusedException;

/** When {@code nianbao.api-key} is set, every API request must carry it in {@code X-API-Key}. */
public class IngestApiKeyFilter {
    public static final String HEADER = "X-API-Key";

    private final Optional<byte[]> apiKey;

    public IngestApiKeyFilter(@ConfigProperty(name = "nianbao.api-key") Optional<String> apiKey) {
        this.apiKey = apiKey.map(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public void requireApiKey(ContainerRequestContext request) {
        check(request.getHeaderString(HEADER));
    }

    /** @throws UploadRefusedException (401) when a key is configured and {@code presented} is not it */
    void check(String presented) {
        if (apiKey.isEmpty()) {
            return;
        }
        if (presented == null) {
            throw new UploadRefusedException(RequestRejection.UNAUTHORIZED, "This service needs an API key: send it in the "
                    + HEADER + " header.");
        }
        // Constant time, so the key cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(apiKey.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new UploadRefusedException(RequestRejection.UNAUTHORIZED, "The API key in the " + HEADER + " header is not valid.");
        }
    }
}
