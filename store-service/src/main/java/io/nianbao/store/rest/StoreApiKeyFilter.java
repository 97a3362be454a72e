package io.nianbao.store.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code nianbao.api-key} is set, every write (any method but GET, HEAD, OPTIONS) needs it in
 * {@code X-API-Key}; reads need it too when {@code nianbao.api.protect-reads=true}. The alert stream alone also
 * takes a {@link StreamTokens token} as {@code ?token=}, since a browser's EventSource sends no headers.
 */
public class StoreApiKeyFilter {
    public static final String HEADER = "X-API-Key";
    static final String STREAM_PATH = "/api/alerts/stream";
    static final String TOKEN_PARAMETER = "token";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<byte[]> apiKey;
    private final boolean protectReads;
    private final StreamTokens streamTokens;

    public StoreApiKeyFilter(@ConfigProperty(name = "nianbao.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "nianbao.api.protect-reads", defaultValue = "false") boolean protectReads,
            StreamTokens streamTokens) {
        this.apiKey = apiKey.map(key -> key.getBytes(StandardCharsets.UTF_8));
        this.protectReads = protectReads;
        this.streamTokens = streamTokens;
    }

    @ServerRequestFilter
    public void requireApiKey(ContainerRequestContext request) {
        if (apiKey.isEmpty() || (!protectReads && READS.contains(request.getMethod()))
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
        String token = request.getUriInfo().getQueryParameters().getFirst(TOKEN_PARAMETER);
        if (presented == null && token != null && STREAM_PATH.equals(request.getUriInfo().getPath())) {
            if (!streamTokens.isValid(token, Instant.now())) {
                throw new ApiException(Status.UNAUTHORIZED, "unauthorized",
                        "the stream token is not valid or has expired: ask GET /api/alerts/stream-token for a new one");
            }
            return;
        }
        if (presented == null) {
            throw new ApiException(Status.UNAUTHORIZED, "unauthorized",
                    "this request needs an API key: send it in the " + HEADER + " header");
        }
        // Constant time, so the key cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(apiKey.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(Status.UNAUTHORIZED, "unauthorized", "the API key in the " + HEADER + " header is not valid");
        }
    }
}
