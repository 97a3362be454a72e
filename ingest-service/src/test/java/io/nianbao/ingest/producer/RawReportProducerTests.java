package io.nianbao.ingest.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.nianbao.ingest.service.RequestRejection;
import io.nianbao.ingest.service.UploadRefusedException;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.kafka.RecordTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.smallrye.reactive.messaging.TracingMetadata;

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

        new RawReportProducer(emitter, Duration.ofSeconds(5), OpenTelemetry.noop()).publish(REPORT, Context.root());

        assertThat(emitter.sent).singleElement().extracting(Message::getPayload).isEqualTo(REPORT);
    }

    @Test
    void theRecordCarriesTheIngestSpanOfTheDocumentInTheTraceItContinues() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build();
        BrokerStandIn emitter = new BrokerStandIn(Message::ack);
        RawReportProducer producer = new RawReportProducer(emitter, Duration.ofSeconds(5), openTelemetry);
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /api/reports").startSpan();

        producer.publish(REPORT, Context.root().with(request));
        producer.publish(REPORT, Context.root());

        List<SpanData> ingest = exported.getFinishedSpanItems();
        assertThat(ingest).extracting(SpanData::getName).containsExactly("ingest", "ingest");
        assertThat(ingest).allSatisfy(span -> assertThat(span.getAttributes().get(RecordTracing.DOCUMENT_ID))
                .isEqualTo(REPORT.getReportId()));
        assertThat(ingest.get(0).getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(ingest.get(1).getTraceId()).isNotEqualTo(request.getSpanContext().getTraceId());
        // what the connector parents its producer span on, and so writes into the record's traceparent header
        assertThat(emitter.sent).map(message -> Span.fromContext(message.getMetadata(TracingMetadata.class).orElseThrow()
                .getCurrentContext()).getSpanContext().getSpanId())
                .containsExactly(ingest.get(0).getSpanId(), ingest.get(1).getSpanId());
    }

    @Test
    void answersUnavailableWithTheReasonWhenTheBrokerRefuses() {
        BrokerStandIn emitter = new BrokerStandIn(m -> m.nack(new RecordTooLargeException("record is 21000000 bytes")));

        assertThatThrownBy(() -> new RawReportProducer(emitter, Duration.ofSeconds(5), OpenTelemetry.noop()).publish(REPORT, Context.root()))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE))
                .hasMessageContaining("record is 21000000 bytes");
    }

    @Test
    void answersUnavailableWhenTheBrokerDoesNotAnswerInTime() {
        BrokerStandIn silent = new BrokerStandIn(m -> { });

        assertThatThrownBy(() -> new RawReportProducer(silent, Duration.ofMillis(50), OpenTelemetry.noop()).publish(REPORT, Context.root()))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE))
                .hasMessageContaining("did not acknowledge");
    }

    @Test
    void answersUnavailableWhenTheOutgoingQueueIsFull() {
        BrokerStandIn full = new BrokerStandIn(m -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        });

        assertThatThrownBy(() -> new RawReportProducer(full, Duration.ofSeconds(5), OpenTelemetry.noop()).publish(REPORT, Context.root()))
                .isInstanceOfSatisfying(UploadRefusedException.class,
                        e -> assertThat(e.error()).isEqualTo(RequestRejection.BROKER_UNAVAILABLE));
    }
}
