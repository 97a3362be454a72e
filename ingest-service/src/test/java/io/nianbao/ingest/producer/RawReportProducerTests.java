package io.nianbao.ingest.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.nianbao.ingest.service.Refusal;
import io.nianbao.ingest.service.UploadRefusedException;
import io.nianbao.schema.RawReport;

class RawReportProducerTests {
    private static final RawReport REPORT = RawReport.newBuilder()
            .setReportId("ab".repeat(32))
            .setContent(ByteBuffer.wrap(new byte[] {1}))
            .setMediaType("text/plain")
            .setReceivedAt(Instant.parse("2025-01-31T00:00:00Z"))
            .build();

    @Test
    void returnsOnceTheBrokerAcknowledged() {
        RecordingEmitter emitter = new RecordingEmitter(Message::ack);

        new RawReportProducer(emitter, Duration.ofSeconds(5)).publish(REPORT);

        assertThat(emitter.sent).singleElement().extracting(Message::getPayload).isEqualTo(REPORT);
    }

    @Test
    void answersUnavailableWithTheReasonWhenTheBrokerRefuses() {
        RecordingEmitter emitter = new RecordingEmitter(m -> m.nack(new RecordTooLargeException("record is 21000000 bytes")));

        assertThatThrownBy(() -> new RawReportProducer(emitter, Duration.ofSeconds(5)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.BROKER_UNAVAILABLE))
                .hasMessageContaining("record is 21000000 bytes");
    }

    @Test
    void answersUnavailableWhenTheBrokerDoesNotAnswerInTime() {
        RecordingEmitter silent = new RecordingEmitter(m -> { });

        assertThatThrownBy(() -> new RawReportProducer(silent, Duration.ofMillis(50)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.BROKER_UNAVAILABLE))
                .hasMessageContaining("did not acknowledge");
    }

    @Test
    void answersUnavailableWhenTheOutgoingQueueIsFull() {
        RecordingEmitter full = new RecordingEmitter(m -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        });

        assertThatThrownBy(() -> new RawReportProducer(full, Duration.ofSeconds(5)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.BROKER_UNAVAILABLE));
    }

    /** Stands in for the broker: decides per message whether it is acknowledged, refused or left unanswered. */
    private static final class RecordingEmitter implements Emitter<RawReport> {
        final List<Message<? extends RawReport>> sent = new ArrayList<>();
        private final Consumer<Message<? extends RawReport>> broker;

        RecordingEmitter(Consumer<Message<? extends RawReport>> broker) {
            this.broker = broker;
        }

        @Override
        public <M extends Message<? extends RawReport>> void send(M message) {
            broker.accept(message);
            sent.add(message);
        }

        @Override
        public CompletionStage<Void> send(RawReport payload) {
            throw new UnsupportedOperationException("the producer must send a Message, to carry key and headers");
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
