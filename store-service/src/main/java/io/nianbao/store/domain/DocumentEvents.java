package io.nianbao.store.domain;

import java.time.Instant;

import org.bson.Document;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RawReport;

/**
 * What happened to an accepted document, one event per record of the pipeline that names it: {@code received}
 * (a record of {@code reports.raw}: an upload, a crawl, or a replay), {@code parsed} ({@code reports.parsed}),
 * {@code failed} ({@code reports.dlq}). Each event says where its record sits, so a redelivered record makes
 * the same event and is kept once. Stored versions are not events: they are read from the reports themselves
 * ({@link DocumentStatus}), which the store writes anyway.
 */
public final class DocumentEvents {
    public static final String ID = "_id";
    public static final String EVENTS = "events";
    public static final String STATE = "state";
    public static final String AT = "at";
    public static final String RECEIVED = "received";
    public static final String PARSED = "parsed";
    public static final String STORED = "stored";
    public static final String FAILED = "failed";
    public static final String PARSER_VERSION = "parserVersion";
    public static final String RECORD = "record";

    private DocumentEvents() {
    }

    /**
     * @param at       when the record was published (a replay is published again, later, with the same value)
     * @param replayOf what the record replays (a dead letter id or {@code since …}), null for a first receipt
     */
    public static Document received(RawReport raw, String record, Instant at, String replayOf) {
        return new Document(STATE, RECEIVED).append(AT, at).append(RECORD, record)
                .append("origin", raw.getOrigin())
                .append("fileName", raw.getFileName())
                .append("sourceUrl", raw.getSourceUrl())
                .append("mediaType", raw.getMediaType())
                .append("sizeBytes", raw.getContent().remaining())
                .append("replayOf", replayOf);
    }

    public static Document parsed(ParsedReport report, String record, Instant at) {
        return new Document(STATE, PARSED).append(AT, at).append(RECORD, record)
                .append(PARSER_VERSION, report.getParserVersion())
                .append("agency", report.getAgency())
                .append("year", report.getYear());
    }

    public static Document failed(DeadLetter letter, String deadLetterId) {
        return new Document(STATE, FAILED).append(AT, letter.getFailedAt()).append(RECORD, deadLetterId)
                .append("stage", letter.getStage())
                .append("errorType", letter.getErrorType())
                .append("reason", letter.getReason());
    }

    /** A record's place in the log: {@code topic-partition@offset}. */
    public static String record(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
