package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.consumed;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.AlertService;
import io.nianbao.store.service.FailingServices;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A write that finds MongoDB unreachable is tried again once MongoDB answers, the record acknowledged only then;
 * a write MongoDB refuses sends the record to the dead-letter topic with the reason.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class StoreFailureTests {
    private static final MongoWriteException REFUSED = new MongoWriteException(
            new WriteError(10334, "BSONObj size: 17000000 is invalid", new BsonDocument()), new ServerAddress());

    @Inject
    TestStore store;

    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger written = new AtomicInteger();

    @BeforeEach
    void failingWrites() {
        store.clear();
        QuarkusMock.installMockForType(FailingServices.reports(failures, written), ReportService.class);
        QuarkusMock.installMockForType(FailingServices.alerts(failures, written), AlertService.class);
    }

    @Test
    void aReportWrittenWhileMongoWasUnreachableIsAckedOnlyOnceWritten() {
        failures.addAll(List.of(new MongoTimeoutException("no server reachable"),
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())));

        var writtenWhenAcked = store.send(ValidatedReportListener.CHANNEL,
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")), written::get);

        assertThat(writtenWhenAcked).succeedsWithin(30, TimeUnit.SECONDS).as("writes done when it was acked")
                .isEqualTo(1);
        assertThat(failures).isEmpty();
        assertThat(store.deadLetters()).isEmpty();
    }

    @Test
    void aReportMongoRefusesIsDeadLettered() {
        failures.add(REFUSED);

        var outcome = store.send(ValidatedReportListener.CHANNEL,
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")));

        assertThat(outcome).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(store.deadLetters()).singleElement().satisfies(letter -> assertUnstorable(letter, Topics.VALIDATED));
    }

    @Test
    void anAlertMongoRefusesIsDeadLettered() {
        failures.add(REFUSED);

        var outcome = store.send(AlertListener.CHANNEL,
                consumed(Topics.ALERTS, alert("a1", "r1", "64", 2024, Instant.now())));

        assertThat(outcome).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(store.deadLetters()).singleElement().satisfies(letter -> assertUnstorable(letter, Topics.ALERTS));
    }

    @Test
    void aFailureThatIsNotTheRecordsIsNackedNeverDeadLettered() {
        // As the driver throws when its client was closed under a write (the service stopping).
        failures.add(new IllegalStateException("state should be: open"));

        var outcome = store.send(ValidatedReportListener.CHANNEL,
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")));

        assertThat(outcome).failsWithin(30, TimeUnit.SECONDS);
        assertThat(store.deadLetters()).isEmpty();
    }

    private static void assertUnstorable(DeadLetter letter, String topic) {
        assertThat(letter.getErrorType()).isEqualTo(RecordWriter.UNSTORABLE_RECORD);
        assertThat(letter.getReason()).contains("MongoWriteException", "BSONObj size");
        assertThat(letter.getStage()).isEqualTo("store");
        assertThat(letter.getOriginalTopic()).isEqualTo(topic);
        assertThat(letter.getOriginalValue().remaining()).isPositive();
    }
}
