package io.nianbao.ingest.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A report's id is the SHA-256 of its bytes, so the same document uploaded twice is the same report downstream. */
public final class ReportIds {
    private ReportIds() {
    }

    /** @return lower-case hex, 64 characters */
    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
