package io.nianbao.ingest.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.nianbao.ingest.service.RequestRejection;
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
        BrokerStandIn emitter = new BrokerStandIn(Message::ack);

        new RawReportProducer(emitter, Duration.ofSeconds(5)).publish(REPORT);

        assertThat(emitter.sent).singleElement().extracting(Message::getPayload).isEqualTo(REPORT);
    }

    @Test
    void answersUnavailableWithTheReasonWhenTheBrokerRefuses() {
        BrokerStandIn emitter = new BrokerStandIn(m -> m.nack(new RecordTooLargeException("record is 21000000 bytes")));

        assertThatThrownBy(() -> new RawReportProducer(emitter, Duration.ofSeconds(5)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE))
                .hasMessageContaining("record is 21000000 bytes");
    }

    @Test
    void answersUnavailableWhenTheBrokerDoesNotAnswerInTime() {
        BrokerStandIn silent = new BrokerStandIn(m -> { });

        assertThatThrownBy(() -> new RawReportProducer(silent, Duration.ofMillis(50)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE))
                .hasMessageContaining("did not acknowledge");
    }

    @Test
    void answersUnavailableWhenTheOutgoingQueueIsFull() {
        BrokerStandIn full = new BrokerStandIn(m -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        });

        assertThatThrownBy(() -> new RawReportProducer(full, Duration.ofSeconds(5)).publish(REPORT))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE));
    }
}
