package io.nianbao.parse.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.parse.producer.DeadLetterProducer;
import io.nianbao.parse.producer.ParsedReportProducer;
import io.nianbao.parse.service.ParseConfig;
import io.nianbao.parse.service.ParseOutcome;
import io.nianbao.parse.service.ParseService;
import io.nianbao.schema.DeadLetter;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;

/**
 * The listener sends each record's outcome without waiting for the broker, and acks the record only once the
 * broker acknowledged that outcome; past max-in-flight unacknowledged outcomes it takes no further record.
 */
class RawReportListenerAckTests {
    private static final int MAX_IN_FLIGHT = 3;

    /** The broker's acknowledgement of each send, in the order the sends were made; completed by the test. */
    private final List<CompletableFuture<Void>> brokerAcks = new CopyOnWriteArrayList<>();
    private final List<String> acked = new CopyOnWriteArrayList<>();
    private final List<String> nacked = new CopyOnWriteArrayList<>();
    private RawReportListener listener;

    @BeforeEach
    void listenerWithABrokerThatAnswersWhenTold() {
        ParseService parseService = mock(ParseService.class);
        when(parseService.handle(any(), any())).thenAnswer(call -> Uni.createFrom().item(
                new ParseOutcome.DeadLettered(new DeadLetter(), new String((byte[]) call.getArgument(0),
                        StandardCharsets.UTF_8), "64")));
        DeadLetterProducer deadLetters = mock(DeadLetterProducer.class);
        when(deadLetters.send(any(), any(), any(), any())).thenAnswer(call -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            brokerAcks.add(ack);
            return Uni.createFrom().completionStage(ack);
        });
        ParseConfig config = mock(ParseConfig.class);
        when(config.maxInFlight()).thenReturn(MAX_IN_FLIGHT);
        listener = new RawReportListener(parseService, mock(ParsedReportProducer.class), deadLetters, config,
                OpenTelemetry.noop());
    }

    @Test
    void eachRecordIsAckedOnlyOnceTheBrokerAcknowledgedItsOutcome() {
        listener.consume(record("r1")).await().indefinitely();
        listener.consume(record("r2")).await().indefinitely();

        // Both outcomes are sending before either is acknowledged: no waiting record by record.
        assertThat(brokerAcks).hasSize(2);
        assertThat(acked).isEmpty();

        brokerAcks.get(1).complete(null);
        assertThat(acked).containsExactly("r2");

        brokerAcks.get(0).complete(null);
        assertThat(acked).containsExactly("r2", "r1");
        assertThat(nacked).isEmpty();
    }

    @Test
    void aRecordWhoseOutcomeTheBrokerRefusedIsNackedNeverAcked() {
        listener.consume(record("r1")).await().indefinitely();

        brokerAcks.get(0).completeExceptionally(new IllegalStateException("broker down"));

        assertThat(nacked).containsExactly("r1");
        assertThat(acked).isEmpty();
    }

    @Test
    void noFurtherRecordIsTakenWhileMaxInFlightOutcomesAreUnacknowledged() {
        listener.consume(record("r1")).await().indefinitely();
        listener.consume(record("r2")).await().indefinitely();
        // The third fills the window: its processing completes (and the next record is taken) once one is done.
        CompletableFuture<Void> third = listener.consume(record("r3")).subscribeAsCompletionStage();

        assertThat(brokerAcks).hasSize(MAX_IN_FLIGHT);
        assertThat(third).isNotDone();

        brokerAcks.get(0).complete(null);
        assertThat(third).isDone();
        assertThat(acked).containsExactly("r1");
    }

    private Message<byte[]> record(String name) {
        return Message.of(name.getBytes(StandardCharsets.UTF_8), () -> {
            acked.add(name);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.add(name);
            return CompletableFuture.completedFuture(null);
        });
    }
}
