package io.nianbao.store.rest;

import static io.nianbao.store.rest.DocumentStatusTests.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.DocumentEventListener;
import io.nianbao.store.producer.ReplayProducer;
import io.nianbao.store.repository.DeadLetterLog;
import io.nianbao.store.repository.HeldDeadLetters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** The dead letters of every stage, stored, listed with filters, counted, and replayed once. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DeadLetterResourceTests {
    private static final String KEY = "test-api-key";

    @Inject
    TestStore store;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private HeldDeadLetters log;

    @BeforeEach
    void clear() {
        store.clear();
        log = new HeldDeadLetters();
        QuarkusMock.installMockForType(log, DeadLetterLog.class);
    }

    private void deadLetter(int offset, String reportId, String errorType, Instant failedAt, String province) {
        store.deliver(DocumentEventListener.DEAD_LETTER_CHANNEL,
                record(Topics.DLQ, 0, offset, failedAt, DocumentStatusTests.deadLetter(reportId, errorType, failedAt), province));
    }

    @Test
    void deadLettersAreListedNewestFirstWithFiltersAndTheirMeaningInChinese() {
        deadLetter(1, "a", "UNREADABLE_DOCUMENT", Instant.parse("2025-01-20T08:00:00Z"), "64");
        deadLetter(2, "b", "PARSE_TIMEOUT", Instant.parse("2025-01-21T08:00:00Z"), "64");
        deadLetter(3, "c", "UNREADABLE_DOCUMENT", Instant.parse("2025-01-22T08:00:00Z"), "41");
        // Redelivered: stored once.
        deadLetter(3, "c", "UNREADABLE_DOCUMENT", Instant.parse("2025-01-22T08:00:00Z"), "41");

        given().get("/api/dead-letters").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", equalTo(List.of("dlq-0-3", "dlq-0-2", "dlq-0-1")))
                .body("items[0].stage", equalTo("parse"))
                .body("items[0].reason", containsString("zip file is truncated"))
                .body("items[0].meaningZh", containsString("文件无法读取"))
                .body("items[0].fileName", equalTo("broken.doc"))
                .body("items[0].origin", equalTo("upload"));
        given().get("/api/dead-letters?errorType=UNREADABLE_DOCUMENT&province=64").then()
                .body("items.id", equalTo(List.of("dlq-0-1")));
        given().get("/api/dead-letters?since=2025-01-21&stage=parse&source=upload").then()
                .body("items.id", equalTo(List.of("dlq-0-3", "dlq-0-2")));
        given().get("/api/dead-letters?size=2").then().body("items", hasSize(2)).body("nextCursor", notNullValue());
        given().get("/api/dead-letters?stage=nowhere").then().statusCode(400).body("message", containsString("stage"));
        given().get("/api/dead-letters?since=yesterday").then().statusCode(400).body("message", containsString("since"));

        given().get("/api/statistics").then().statusCode(200)
                .body("failures.errorType.UNREADABLE_DOCUMENT", equalTo(2))
                .body("failures.errorType.PARSE_TIMEOUT", equalTo(1))
                .body("failures.stage.parse", equalTo(3));
        given().get("/api/statistics?province=41").then().body("failures.stage.parse", equalTo(1));
    }

    @Test
    void aReplayPublishesTheOriginalRecordAgainOnceAndNeedsTheApiKey() {
        Instant failedAt = Instant.parse("2025-01-20T08:00:00Z");
        deadLetter(5, "d", "PARSE_FAILED", failedAt, "64");
        DeadLetter original = DocumentStatusTests.deadLetter("d", "PARSE_FAILED", failedAt);
        log.hold(0, 5, original);

        given().post("/api/dead-letters/dlq-0-5/replay").then().statusCode(401);
        assertThat(connector.sink(ReplayProducer.CHANNEL).received()).isEmpty();

        given().header(StoreApiKeyFilter.HEADER, KEY).post("/api/dead-letters/dlq-0-5/replay").then().statusCode(202)
                .body("replay.topic", equalTo(Topics.RAW))
                .body("replayedAt", notNullValue());
        given().header(StoreApiKeyFilter.HEADER, KEY).post("/api/dead-letters/dlq-0-5/replay").then().statusCode(200);

        List<? extends Message<byte[]>> sent = connector.<byte[]> sink(ReplayProducer.CHANNEL).received();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload()).isEqualTo(original.getOriginalValue().array());
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = sent.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getTopic()).isEqualTo(Topics.RAW);
        assertThat(metadata.getPartition()).as("the partition the record was consumed from").isEqualTo(7);
        assertThat(metadata.getKey()).isEqualTo("64|key");
        assertThat(new String(metadata.getHeaders().lastHeader(io.nianbao.schema.RecordHeaders.REPLAY_OF).value()))
                .isEqualTo("dlq-0-5");
    }

    @Test
    void aReplayWhoseRecordIsGoneIsA410AndCanBeAskedAgain() {
        deadLetter(6, "e", "PARSE_FAILED", Instant.parse("2025-01-20T08:00:00Z"), "64");

        given().header(StoreApiKeyFilter.HEADER, KEY).post("/api/dead-letters/dlq-0-6/replay").then().statusCode(410)
                .body("message", containsString("upload the document again"));
        given().get("/api/dead-letters/dlq-0-6").then().statusCode(200).body("replayedAt", equalTo(null));
        given().header(StoreApiKeyFilter.HEADER, KEY).post("/api/dead-letters/nope/replay").then().statusCode(404);
    }
}
