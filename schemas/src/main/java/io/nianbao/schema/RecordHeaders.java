package io.nianbao.schema;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka record headers every service sets, so routing and sharding need not decode the value. */
public final class RecordHeaders {
    /** Two-digit province code, when known. */
    public static final String PROVINCE = "nianbao-province";
    /** SHA-256 of the raw document. */
    public static final String REPORT_ID = "nianbao-report-id";
    /** On a record published again (a replay): what it replays, e.g. a dead letter's id. */
    public static final String REPLAY_OF = "nianbao-replay-of";

    private RecordHeaders() {
    }

    /** The header's text (UTF-8), the last one of that name; null when the record has none. */
    public static String value(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
