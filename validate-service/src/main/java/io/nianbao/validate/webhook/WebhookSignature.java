package io.nianbao.validate.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>} over the
 * {@code X-Nianbao-Timestamp} value and the exact bytes of the request body, so any change on the way, any sender
 * without the shared secret, and a captured request replayed with a fresh timestamp are detected (the receiver
 * refuses timestamps older than it tolerates).
 */
public final class WebhookSignature {
    /** The signature header. */
    public static final String HEADER = "X-Nianbao-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verifies(String secret, String timestamp, byte[] body, String signature) {
        return signature != null && timestamp != null && java.security.MessageDigest.isEqual(
                of(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
