package io.nianbao.schema;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the {@link DeadLetter} for a consumed record a service gives up on: the reason and the original bytes. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * @param stage     the service giving up: ingest, parse, validate, store
     * @param errorType a stable code (UNREADABLE_DOCUMENT, NOT_A_REPORT, PARSE_TIMEOUT, UNDECODABLE_RECORD …)
     * @param reason    what could not be done and why, for a human
     */
    public static DeadLetter of(String stage, String errorType, String reason, String reportId, String sourceUrl,
            String topic, int partition, long offset, String key, byte[] value) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setErrorType(errorType)
                .setReason(reason)
                .setReportId(reportId)
                .setSourceUrl(sourceUrl)
                .setOriginalTopic(topic)
                .setOriginalPartition(partition)
                .setOriginalOffset(offset)
                .setOriginalKey(key)
                .setOriginalValue(ByteBuffer.wrap(value == null ? new byte[0] : value))
                .setFailedAt(Instant.now())
                .build();
    }
}
