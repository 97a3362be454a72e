package io.nianbao.store.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived tokens for the alert stream. A browser's EventSource cannot send the X-API-Key header, so a
 * client holding the key asks for a token and opens the stream with {@code ?token=}: the key itself never goes
 * into a URL (where proxies and access logs would keep it). A token is {@code <expiry epoch seconds>.<HMAC-SHA256
 * of the stream path and expiry, keyed with the API key>}: stateless, so any instance sharing the key accepts it.
 */
@ApplicationScoped
public class StreamTokens {
    /** Checked when the stream is opened; an open stream stays open after its token expired. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SCOPE = "api/alerts/stream:";

    public record Token(String token, Instant expiresAt) {
    }

    private final Optional<SecretKeySpec> key;

    StreamTokens(@ConfigProperty(name = "nianbao.api-key") Optional<String> apiKey) {
        this.key = apiKey.map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    /** A token valid until {@code now} + {@link #LIFETIME}; empty when no API key is configured (none is needed). */
    public Optional<Token> issue(Instant now) {
        long expiry = now.plus(LIFETIME).getEpochSecond();
        return key.map(k -> new Token(expiry + "." + signature(k, expiry), Instant.ofEpochSecond(expiry)));
    }

    /** True when {@code token} was issued with this key and has not expired at {@code now}. */
    boolean isValid(String token, Instant now) {
        int dot = token.indexOf('.');
        if (key.isEmpty() || dot < 1) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = signature(key.get(), expiry).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) && now.getEpochSecond() < expiry;
    }

    private static String signature(SecretKeySpec key, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((SCOPE + expiry).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
