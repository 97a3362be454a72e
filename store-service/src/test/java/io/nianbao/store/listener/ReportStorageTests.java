package io.nianbao.store.listener;

import static com.mongodb.client.model.Filters.eq;
import static io.nianbao.store.TestRecords.consumed;
import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.Severity;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ReportStorageTests {
    private static final String DOCUMENT_ID = "64|盐池县花马池镇|2024";

    @Inject
    TestStore store;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void emptyStore() {
        store.clear();
    }

    @Test
    void aValidatedReportIsStoredAsOneDocumentForItsAgencyAndYear() {
        deliver(validated("r1", "盐池县花马池镇", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)));

        Document document = store.reports().find(eq("_id", DOCUMENT_ID)).first();
        assertThat(document).isNotNull();
        assertThat(document).containsEntry("reportId", "r1").containsEntry("parserVersion", "p1")
                .containsEntry("status", "errors").containsEntry("alertCount", 1).containsEntry("provinceCode", "64")
                .containsEntry("applications", null).containsEntry("history", List.of());
        assertThat(document.get("storedAt")).isInstanceOf(Date.class);
        assertThat(document.get("source", Document.class).get("receivedAt")).isInstanceOf(Date.class);
        assertThat(store.reports().countDocuments()).isEqualTo(1);
    }

    @Test
    void redeliveringTheSameVersionChangesNothing() {
        ValidatedReport report = validated("r1", "盐池县花马池镇", 2024, "64", "p1");
        deliver(report);
        Document first = store.reports().find().first();
        double unchangedBefore = metrics.counter("nianbao.store.reports", "outcome", "unchanged").count();

        deliver(report);

        assertThat(store.reports().find().into(new ArrayList<>())).containsExactly(first);
        assertThat(metrics.counter("nianbao.store.reports", "outcome", "unchanged").count())
                .isEqualTo(unchangedBefore + 1);
    }

    @Test
    void aNewVersionReplacesTheCurrentOneAndKeepsItsSummaryInTheHistory() {
        deliver(validated("r1", "盐池县花马池镇", 2024, "64", "p1"));
        Date firstStoredAt = store.reports().find().first().getDate("storedAt");

        deliver(validated("r2", "盐池县花马池镇", 2024, "64", "p1", finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)));

        Document document = store.reports().find(eq("_id", DOCUMENT_ID)).first();
        assertThat(document).containsEntry("reportId", "r2").containsEntry("status", "errors");
        assertThat(document.getList("history", Document.class)).containsExactly(new Document("reportId", "r1")
                .append("parserVersion", "p1").append("status", "consistent").append("storedAt", firstStoredAt));
        assertThat(store.reports().countDocuments()).isEqualTo(1);
    }

    @Test
    void aLaterVerdictOnTheSameVersionReplacesTheVerdictButNotTheReport() {
        ValidatedReport first = validated("r1", "盐池县花马池镇", 2024, "64", "p1");
        deliver(first);
        double rejudgedBefore = metrics.counter("nianbao.store.reports", "outcome", "rejudged").count();
        ValidatedReport rejudged = validated("r1", "盐池县花马池镇", 2024, "64", "p1",
                finding("CARRY-CHAIN", Severity.ERROR, Outcome.FAILED));
        rejudged.setValidatedAt(first.getValidatedAt().plusSeconds(3600));

        deliver(rejudged);
        deliver(first);

        Document document = store.reports().find(eq("_id", DOCUMENT_ID)).first();
        assertThat(document).containsEntry("reportId", "r1").containsEntry("status", "errors")
                .containsEntry("alertCount", 1).containsEntry("history", List.of());
        assertThat(document.getList("findings", Document.class)).extracting(f -> f.get("ruleId"))
                .containsExactly("CARRY-CHAIN");
        assertThat(metrics.counter("nianbao.store.reports", "outcome", "rejudged").count())
                .isEqualTo(rejudgedBefore + 1);
    }

    @Test
    void theSameContentReadByANewParserIsARevision() {
        deliver(validated("r1", "盐池县花马池镇", 2024, "64", "p1"));

        deliver(validated("r1", "盐池县花马池镇", 2024, "64", "p2"));

        Document document = store.reports().find().first();
        assertThat(document).containsEntry("parserVersion", "p2");
        assertThat(document.getList("history", Document.class)).extracting(h -> h.get("parserVersion"))
                .containsExactly("p1");
    }

    @Test
    void aReparseThatReadsTheAgencyReplacesTheReportKeptUnderItsId() {
        deliver(validated("r1", null, null, null, "p1"));
        assertThat(store.reports().find().first().get("_id")).isEqualTo("report:r1");

        deliver(validated("r1", "盐池县花马池镇", 2024, "64", "p2"));

        assertThat(store.reports().find().into(new ArrayList<>())).extracting(d -> d.get("_id"))
                .containsExactly(DOCUMENT_ID);
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicWithItsBytesAndIsAcknowledged() {
        byte[] garbage = "no avro here".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = consumed(Topics.VALIDATED, garbage);
        record.headers().add(RecordHeaders.REPORT_ID, "r9".getBytes(StandardCharsets.UTF_8));

        store.deliver(ValidatedReportListener.CHANNEL, record);

        assertThat(store.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getStage()).isEqualTo("store");
            assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD");
            assertThat(letter.getReason()).contains("ValidatedReport");
            assertThat(letter.getReportId()).isEqualTo("r9");
            assertThat(letter.getOriginalTopic()).isEqualTo(Topics.VALIDATED);
            assertThat(letter.getOriginalPartition()).isEqualTo(3);
            assertThat(letter.getOriginalOffset()).isEqualTo(42L);
            assertThat(letter.getOriginalKey()).isEqualTo("64|key");
            assertThat(bytes(letter)).isEqualTo(garbage);
        });
        assertThat(store.reports().countDocuments()).isZero();
    }

    private void deliver(ValidatedReport report) {
        store.deliver(ValidatedReportListener.CHANNEL, consumed(Topics.VALIDATED, report));
    }

    private static byte[] bytes(DeadLetter letter) {
        var buffer = letter.getOriginalValue().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
