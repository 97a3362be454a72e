package io.nianbao.store.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code nianbao.api-key} is set, every write (any method but GET, HEAD, OPTIONS) needs it in
 * {@code X-API-Key}; reads need it too when {@code nianbao.api.protect-reads=true}.
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-API-Key";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<byte[]> apiKey;
    private final boolean protectReads;

    public ApiKeyFilter(@ConfigProperty(name = "nianbao.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "nianbao.api.protect-reads", defaultValue = "false") boolean protectReads) {
        this.apiKey = apiKey.map(key -> key.getBytes(StandardCharsets.UTF_8));
        this.protectReads = protectReads;
    }

    @ServerRequestFilter
    public void requireApiKey(ContainerRequestContext request) {
        if (apiKey.isEmpty() || (!protectReads && READS.contains(request.getMethod()))
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
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
