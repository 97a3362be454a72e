package io.nianbao.schema;

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
}
