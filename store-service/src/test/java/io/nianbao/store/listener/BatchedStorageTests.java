package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.consumed;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.FailingServices;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A polled batch is stored with one write and acknowledged only once MongoDB acknowledged it. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class BatchedStorageTests {
    @Inject
    TestStore store;

    @BeforeEach
    void emptyStore() {
        store.clear();
    }

    @Test
    void aBatchIsAckedOnlyAfterItsWriteReturned() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch mongoAnswers = new CountDownLatch(1);
        QuarkusMock.installMockForType(FailingServices.answeringWhenTold(writing, mongoAnswers), ReportService.class);

        CompletableFuture<Void> acked = store.send(ValidatedReportListener.CHANNEL, List.of(
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")),
                consumed(Topics.VALIDATED, validated("r2", "中宁县白马乡", 2024, "64", "p1"))));

        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).isNotDone();
        mongoAnswers.countDown();
        assertThat(acked).succeedsWithin(30, TimeUnit.SECONDS);
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndTheRestOfItsBatchStored() {
        byte[] garbage = "not a record".getBytes(StandardCharsets.UTF_8);

        assertThat(store.send(ValidatedReportListener.CHANNEL, List.of(
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")),
                consumed(Topics.VALIDATED, garbage),
                consumed(Topics.VALIDATED, validated("r2", "中宁县白马乡", 2024, "64", "p1")))))
                .succeedsWithin(30, TimeUnit.SECONDS);

        assertThat(store.reports().find().into(new ArrayList<>())).extracting(document -> document.getString("reportId"))
                .containsExactlyInAnyOrder("r1", "r2");
        assertThat(store.deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD"));
    }

    @Test
    void versionsOfOneReportInOneBatchAreStoredInOrderWithTheirHistory() {
        assertThat(store.send(ValidatedReportListener.CHANNEL, List.of(
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")),
                consumed(Topics.VALIDATED, validated("r2", "盐池县花马池镇", 2024, "64", "p1")),
                consumed(Topics.VALIDATED, validated("r2", "盐池县花马池镇", 2024, "64", "p1")))))
                .succeedsWithin(30, TimeUnit.SECONDS);

        Document stored = store.reports().find().first();
        assertThat(store.reports().countDocuments()).isEqualTo(1);
        assertThat(stored.getString("reportId")).isEqualTo("r2");
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("reportId"))
                .containsExactly("r1");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        var batch = List.of(consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")),
                consumed(Topics.VALIDATED, validated("r2", "中宁县白马乡", 2024, "64", "p1")));
        assertThat(store.send(ValidatedReportListener.CHANNEL, batch)).succeedsWithin(30, TimeUnit.SECONDS);
        List<Document> first = store.reports().find().into(new ArrayList<>());

        assertThat(store.send(ValidatedReportListener.CHANNEL, batch)).succeedsWithin(30, TimeUnit.SECONDS);

        assertThat(store.reports().find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void anAlertTwiceInOneBatchIsStoredOnce() {
        Instant raised = Instant.parse("2025-02-01T00:00:00Z");

        assertThat(store.send(AlertListener.CHANNEL, List.of(
                consumed(Topics.ALERTS, alert("a1", "r1", "64", 2024, raised)),
                consumed(Topics.ALERTS, alert("a2", "r1", "64", 2024, raised)),
                consumed(Topics.ALERTS, alert("a1", "r1", "64", 2024, raised)))))
                .succeedsWithin(30, TimeUnit.SECONDS);

        assertThat(store.alerts().countDocuments()).isEqualTo(2);
    }
}
