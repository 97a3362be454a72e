package io.nianbao.store.domain;

import java.time.Instant;

import org.bson.Document;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.UndecodableRecordException;

/**
 * The {@code deadLetters} document: one per record of {@code reports.dlq}, keyed by where it sits there (so a
 * redelivery writes the same document), with what the original record says about the report when it can be read.
 * The original bytes are not copied: they stay on {@code reports.dlq} (and, for a document, on {@code reports.raw},
 * the log of record), where a replay reads them. A document may be as large as a MongoDB document can be, and
 * people search dead letters by their reason, not their bytes.
 */
public final class DeadLetterDocuments {
    public static final String ID = "_id";
    public static final String STAGE = "stage";
    public static final String ERROR_TYPE = "errorType";
    public static final String REASON = "reason";
    public static final String REPORT_ID = "reportId";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String ORIGIN = "origin";
    public static final String FAILED_AT = "failedAt";
    public static final String DEAD_LETTER_PARTITION = "deadLetterPartition";
    public static final String DEAD_LETTER_OFFSET = "deadLetterOffset";
    public static final String ORIGINAL_TOPIC = "originalTopic";
    public static final String ORIGINAL_KEY = "originalKey";
    public static final String REPLAYED_AT = "replayedAt";

    private static final String ID_PREFIX = "dlq-";

    private DeadLetterDocuments() {
    }

    /** The dead letter at {@code partition}/{@code offset} of {@code reports.dlq}. */
    public static String idOf(int partition, long offset) {
        return ID_PREFIX + partition + "-" + offset;
    }

    /** @param provinceCode the record's {@code nianbao-province} header, when it had one */
    public static Document of(DeadLetter letter, int partition, long offset, String provinceCode) {
        Document document = new Document(ID, idOf(partition, offset))
                .append(STAGE, letter.getStage())
                .append(ERROR_TYPE, letter.getErrorType())
                .append(REASON, letter.getReason())
                .append(REPORT_ID, letter.getReportId())
                .append("sourceUrl", letter.getSourceUrl())
                .append(ORIGINAL_TOPIC, letter.getOriginalTopic())
                .append("originalPartition", letter.getOriginalPartition())
                .append("originalOffset", letter.getOriginalOffset())
                .append(ORIGINAL_KEY, letter.getOriginalKey())
                .append("originalBytes", letter.getOriginalValue().remaining())
                .append(FAILED_AT, letter.getFailedAt())
                .append(DEAD_LETTER_PARTITION, partition)
                .append(DEAD_LETTER_OFFSET, offset)
                .append(PROVINCE_CODE, provinceCode);
        describeOriginal(letter, document);
        return document;
    }

    /** What the original record says about its report: its file, agency and where it came from. */
    private static void describeOriginal(DeadLetter letter, Document document) {
        byte[] value = new byte[letter.getOriginalValue().remaining()];
        letter.getOriginalValue().duplicate().get(value);
        try {
            if (Topics.RAW.equals(letter.getOriginalTopic())) {
                RawReport raw = AvroCodec.of(RawReport.class).decode(value);
                putIfAbsent(document, REPORT_ID, raw.getReportId());
                putIfAbsent(document, PROVINCE_CODE, raw.getProvinceHint());
                document.append(ORIGIN, raw.getOrigin()).append("fileName", raw.getFileName())
                        .append("agency", raw.getAgencyHint());
            } else if (Topics.VALIDATED.equals(letter.getOriginalTopic())) {
                var report = AvroCodec.of(ValidatedReport.class).decode(value).getReport();
                putIfAbsent(document, REPORT_ID, report.getReportId());
                putIfAbsent(document, PROVINCE_CODE, report.getDivision().getProvinceCode());
                document.append(ORIGIN, report.getSource().getOrigin())
                        .append("fileName", report.getSource().getFileName())
                        .append("agency", report.getAgency()).append("year", report.getYear());
            }
        } catch (UndecodableRecordException e) {
            // Often the very reason it was dead-lettered: the dead letter's own fields are all there is.
        }
    }

    private static void putIfAbsent(Document document, String field, Object value) {
        if (document.get(field) == null) {
            document.put(field, value);
        }
    }

    /** The replay of a dead letter: when its original record was published again, and to which topic. */
    public static Document replay(Instant at, String topic) {
        return new Document("at", at).append("topic", topic);
    }
}
