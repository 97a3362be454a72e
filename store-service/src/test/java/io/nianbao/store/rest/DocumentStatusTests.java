package io.nianbao.store.rest;

import static io.nianbao.store.TestRecords.validated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.DeadLetters;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.DocumentEventListener;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /api/documents/{id}}: an accepted document's status from the records that name it (reports.raw,
 * reports.parsed, reports.dlq) and the stored report, never a bare 404.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DocumentStatusTests {
    static final Instant UPLOADED = Instant.parse("2025-01-20T08:00:00Z");

    @Inject
    TestStore store;

    @Inject
    ReportService reports;

    @BeforeEach
    void clear() {
        store.clear();
    }

    @Test
    void anUploadIsReceivedThenParsedThenStoredWithTheReportsLink() {
        RawReport raw = raw("r1", "花马池镇2024年报.docx", "upload");
        store.deliver(DocumentEventListener.RAW_CHANNEL, record(Topics.RAW, 0, 7, UPLOADED, raw, null));
        status("r1").body("status", equalTo("received")).body("fileName", equalTo("花马池镇2024年报.docx"))
                .body("history", hasSize(1));

        ValidatedReport validated = validated("r1", "盐池县花马池镇人民政府", 2024, "64", "p1");
        store.deliver(DocumentEventListener.PARSED_CHANNEL,
                record(Topics.PARSED, 2, 3, UPLOADED.plusSeconds(2), validated.getReport(), null));
        status("r1").body("status", equalTo("parsed")).body("report", equalTo(null));

        reports.store(validated);
        status("r1").body("status", equalTo("stored")).body("report", equalTo("/api/reports/r1"))
                .body("history.state", equalTo(List.of("received", "parsed", "stored")));
    }

    @Test
    void aDeadLetteredUploadIsFailedWithStageErrorTypeReasonAndTime() {
        store.deliver(DocumentEventListener.RAW_CHANNEL,
                record(Topics.RAW, 0, 8, UPLOADED, raw("r2", "broken.doc", "upload"), null));
        store.deliver(DocumentEventListener.DEAD_LETTER_CHANNEL, record(Topics.DLQ, 1, 40, UPLOADED.plusSeconds(3),
                deadLetter("r2", "UNREADABLE_DOCUMENT", Instant.parse("2025-01-20T08:00:03Z")), "64"));

        status("r2").body("status", equalTo("failed"))
                .body("failure.stage", equalTo("parse"))
                .body("failure.errorType", equalTo("UNREADABLE_DOCUMENT"))
                .body("failure.reason", equalTo("Tika could not read the document: zip file is truncated"))
                .body("failure.failedAt", equalTo("2025-01-20T08:00:03Z"))
                .body("failure.meaningZh", containsString("文件无法读取"))
                .body("failure.deadLetter", equalTo("/api/dead-letters/dlq-1-40"));
    }

    @Test
    void theSameBytesAcceptedAgainShowBothReceiptsAndTheLatestAttemptsStatus() {
        ValidatedReport validated = validated("r3", "中宁县白马乡人民政府", 2024, "64", "p1");
        store.deliver(DocumentEventListener.RAW_CHANNEL, record(Topics.RAW, 0, 1, UPLOADED, raw("r3", "a.txt", "upload"), null));
        store.deliver(DocumentEventListener.PARSED_CHANNEL,
                record(Topics.PARSED, 0, 1, UPLOADED.plusSeconds(1), validated.getReport(), null));
        reports.store(validated);

        Instant crawled = Instant.now().plusSeconds(60);
        store.deliver(DocumentEventListener.RAW_CHANNEL, record(Topics.RAW, 4, 90, crawled, raw("r3", null, "crawl"), null));
        // Received again, not parsed yet: the stored version is the earlier attempt's.
        status("r3").body("status", equalTo("received")).body("origin", equalTo("crawl"))
                .body("history.state", equalTo(List.of("received", "parsed", "stored", "received")));

        store.deliver(DocumentEventListener.PARSED_CHANNEL,
                record(Topics.PARSED, 0, 2, crawled.plusSeconds(1), validated.getReport(), null));
        // Same bytes, same parser: storing them again changes nothing, so this attempt is stored too.
        status("r3").body("status", equalTo("stored"));

        // A redelivered record is one event, not two.
        store.deliver(DocumentEventListener.RAW_CHANNEL, record(Topics.RAW, 4, 90, crawled, raw("r3", null, "crawl"), null));
        status("r3").body("history", hasSize(5));
    }

    @Test
    void aPolledBatchRecordsEachDocumentsEventsInOrderAndARedeliveredRecordOnce() {
        var received = List.of(record(Topics.RAW, 0, 1, UPLOADED, raw("r4", "a.txt", "upload"), null),
                record(Topics.RAW, 1, 1, UPLOADED, raw("r5", "b.txt", "upload"), null),
                record(Topics.RAW, 0, 1, UPLOADED, raw("r4", "a.txt", "upload"), null),
                record(Topics.RAW, 0, 2, UPLOADED.plusSeconds(5), raw("r4", "a.txt", "upload"), null));
        assertThat(store.send(DocumentEventListener.RAW_CHANNEL, received)).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(store.send(DocumentEventListener.PARSED_CHANNEL, List.of(record(Topics.PARSED, 1, 9,
                UPLOADED.plusSeconds(1), validated("r5", "中宁县白马乡人民政府", 2024, "64", "p1").getReport(), null))))
                .succeedsWithin(30, TimeUnit.SECONDS);

        status("r4").body("status", equalTo("received"))
                .body("history.record", equalTo(List.of("reports.raw-0@1", "reports.raw-0@2")));
        status("r5").body("status", equalTo("parsed")).body("history.state", equalTo(List.of("received", "parsed")));
    }

    @Test
    void anUnknownIdIsA404ThatSaysWhatToCheck() {
        given().get("/api/documents/nope").then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("has reached the pipeline yet"));
    }

    private static io.restassured.response.ValidatableResponse status(String id) {
        return given().get("/api/documents/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    static RawReport raw(String reportId, String fileName, String origin) {
        return RawReport.newBuilder()
                .setReportId(reportId)
                .setContent(ByteBuffer.wrap("年报".getBytes(StandardCharsets.UTF_8)))
                .setMediaType("text/plain")
                .setFileName(fileName)
                .setOrigin(origin)
                .setSourceUrl("crawl".equals(origin) ? "https://www.yanchi.gov.cn/xxgk/2024-ndbg.html" : null)
                .setProvinceHint("64")
                .setReceivedAt(UPLOADED)
                .build();
    }

    static DeadLetter deadLetter(String reportId, String errorType, Instant failedAt) {
        DeadLetter letter = DeadLetters.of("parse", errorType, "Tika could not read the document: zip file is truncated",
                reportId, null, Topics.RAW, 7, 8, "64|key",
                AvroCodec.of(RawReport.class).encode(raw(reportId, "broken.doc", "upload")));
        letter.setFailedAt(failedAt);
        return letter;
    }

    /** A consumed record as the Kafka connector hands it over: published at {@code at}, maybe with a province. */
    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> ConsumerRecord<String, byte[]> record(String topic, int partition, long offset,
            Instant at, T value, String province) {
        RecordHeaders headers = new RecordHeaders();
        if (province != null) {
            headers.add(new RecordHeader(io.nianbao.schema.RecordHeaders.PROVINCE, province.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] bytes = AvroCodec.of((Class<T>) value.getClass()).encode(value);
        return new ConsumerRecord<>(topic, partition, offset, at.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, bytes.length, "64|key", bytes, headers, Optional.empty());
    }
}
