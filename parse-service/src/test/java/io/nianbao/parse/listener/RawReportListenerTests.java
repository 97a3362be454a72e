package io.nianbao.parse.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.parse.RawReports;
import io.nianbao.parse.producer.DeadLetterProducer;
import io.nianbao.parse.producer.ParsedReportProducer;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RecordHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(InMemoryChannelsResource.class)
class RawReportListenerTests {
    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<ParsedReport> parsed;
    private InMemorySink<DeadLetter> deadLetters;

    @BeforeEach
    void clearSinks() {
        parsed = connector.sink(ParsedReportProducer.PARSED_REPORTS);
        deadLetters = connector.sink(DeadLetterProducer.DEAD_LETTERS);
        parsed.clear();
        deadLetters.clear();
    }

    @Test
    void seedRawReportBecomesAParsedReportWithKeyAndProvinceHeaderThenIsAcked() {
        AtomicInteger publishedWhenAcked = new AtomicInteger(-1);

        connector.source(RawReportListener.RAW_REPORTS).send(Message.of(RawReports.seed("002", "41"),
                () -> acked(publishedWhenAcked, parsed)));

        await().until(() -> publishedWhenAcked.get() >= 0);
        assertThat(publishedWhenAcked).as("parsed reports published when the raw one was acked").hasValue(1);
        Message<ParsedReport> message = parsed.received().get(0);
        assertThat(message.getPayload().getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(message.getPayload().getApplications().getNewApplications()).containsExactly(1, 0, 0, 0, 0, 0, 1);
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .orElseThrow();
        assertThat(metadata.getKey()).isEqualTo("41|孟津区白鹤镇人民政府");
        assertThat(new String(metadata.getHeaders().lastHeader(RecordHeaders.PROVINCE).value(), StandardCharsets.UTF_8))
                .isEqualTo("41");
        assertThat(deadLetters.received()).isEmpty();
    }

    @Test
    void garbageBecomesADeadLetterWithAReasonThenIsAcked() {
        AtomicInteger publishedWhenAcked = new AtomicInteger(-1);
        byte[] garbage = "garbage, not a record".getBytes(StandardCharsets.UTF_8);

        connector.source(RawReportListener.RAW_REPORTS).send(Message.of(garbage,
                () -> acked(publishedWhenAcked, deadLetters)));

        await().until(() -> publishedWhenAcked.get() >= 0);
        assertThat(publishedWhenAcked).as("dead letters published when the raw record was acked").hasValue(1);
        DeadLetter letter = deadLetters.received().get(0).getPayload();
        assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD");
        assertThat(letter.getReason()).isNotBlank();
        assertThat(letter.getOriginalValue().array()).isEqualTo(garbage);
        assertThat(parsed.received()).isEmpty();
    }

    /**
     * The ack of the incoming record: notes how many outgoing records the sink (which acks each) had by its first
     * call. The first counts: it is the one that commits, a later ack does not make up for an early one.
     */
    private static CompletableFuture<Void> acked(AtomicInteger publishedWhenAcked, InMemorySink<?> outgoing) {
        publishedWhenAcked.compareAndSet(-1, outgoing.received().size());
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void documentThatIsNoReportBecomesANotAReportDeadLetter() {
        connector.source(RawReportListener.RAW_REPORTS)
                .send(RawReports.of("随便写的一段话。".getBytes(StandardCharsets.UTF_8), "note.txt", "64"));

        await().until(() -> deadLetters.received().size() == 1);
        Message<DeadLetter> message = deadLetters.received().get(0);
        assertThat(message.getPayload().getErrorType()).isEqualTo("NOT_A_REPORT");
        assertThat(message.getPayload().getReason()).contains("No report title");
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .orElseThrow();
        assertThat(new String(metadata.getHeaders().lastHeader(RecordHeaders.PROVINCE).value(), StandardCharsets.UTF_8))
                .isEqualTo("64");
    }
}
