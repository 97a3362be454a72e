package io.nianbao.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The size check: reads an upload into memory, but never more than one byte past the limit. */
public final class UploadLimit {
    /** Far above any sensible limit; keeps the byte array index within an int. */
    static final long CEILING = 1L << 30;

    private final long maxBytes;

    public UploadLimit(long maxBytes) {
        if (maxBytes < 1 || maxBytes > CEILING) {
            throw new IllegalArgumentException("upload limit must be between 1 and " + CEILING + " bytes, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Refuses a size known before reading (Content-Length, a multipart part already on disk); negative = unknown. */
    public void checkDeclared(long declaredBytes) {
        if (declaredBytes == 0) {
            throw empty();
        }
        if (declaredBytes > maxBytes) {
            throw new UploadRefusedException(RequestRejection.TOO_LARGE, String.format(Locale.ROOT,
                    "The document is %d bytes; the limit is %s. Nothing was stored.", declaredBytes, describe(maxBytes)));
        }
    }

    /** @return the whole upload, at least one and at most {@link #maxBytes()} bytes */
    public byte[] read(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) maxBytes + 1);
        if (content.length == 0) {
            throw empty();
        }
        if (content.length > maxBytes) {
            throw new UploadRefusedException(RequestRejection.TOO_LARGE, String.format(Locale.ROOT,
                    "The document is larger than the limit of %s. Nothing was stored.", describe(maxBytes)));
        }
        return content;
    }

    private static UploadRefusedException empty() {
        return new UploadRefusedException(RequestRejection.EMPTY_BODY, "The upload is empty: send the report document as the request body "
                + "or as the multipart part 'file'.");
    }

    private static String describe(long bytes) {
        return String.format(Locale.ROOT, "%d bytes (%.1f MiB)", bytes, bytes / (1024.0 * 1024.0));
    }
}
