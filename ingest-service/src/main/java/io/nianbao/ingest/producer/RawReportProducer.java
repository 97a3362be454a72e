package io.nianbao.ingest.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.nianbao.ingest.service.RequestRejection;
import io.nianbao.ingest.service.UploadRefusedException;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.RecordHeaders;
import io.nianbao.schema.kafka.RecordTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes a {@link RawReport} to reports.raw and returns only once the broker acknowledged it (acks=all). The write
 * is the document's "ingest" span, whose context the record carries on to the next services.
 */
@ApplicationScoped
public class RawReportProducer {
    public static final String CHANNEL = "raw-reports";
    static final String STAGE = "ingest";

    private final Emitter<RawReport> emitter;
    private final Duration ackTimeout;
    private final RecordTracing tracing;

    @Inject
    public RawReportProducer(@Channel(CHANNEL) Emitter<RawReport> emitter,
                             @ConfigProperty(name = "nianbao.ingest.publish-timeout") Duration ackTimeout,
                             OpenTelemetry openTelemetry) {
        this.emitter = emitter;
        this.ackTimeout = ackTimeout;
        this.tracing = new RecordTracing(openTelemetry);
    }

    /**
     * @param trace the context the document's trace continues (an upload's request), or {@link Context#root()} for
     *              a document that starts one of its own (a crawled one)
     * @throws UploadRefusedException (503) when the broker refused the record or did not answer in time
     */
    public void publish(RawReport report, Context trace) {
        Span span = tracing.start(STAGE, trace, report.getReportId(), report.getAgencyHint());
        try {
            send(report, trace.with(span));
        } catch (UploadRefusedException e) {
            RecordTracing.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void send(RawReport report, Context span) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        // The connector sends from its own thread: the span's context goes with the message, not the thread.
        Message<RawReport> message = Message.of(report, Metadata.of(kafkaMetadata(report), TracingMetadata.withCurrent(span)),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (IllegalStateException overflowOrClosed) {
            throw unavailable("the outgoing queue is full or closed (" + overflowOrClosed.getMessage() + ")", overflowOrClosed);
        }
        try {
            acknowledged.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not acknowledge it within " + ackTimeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw unavailable("Kafka refused it: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the service is shutting down", e);
        }
    }

    private static OutgoingKafkaRecordMetadata<String> kafkaMetadata(RawReport report) {
        List<RecordHeader> headers = new ArrayList<>(2);
        headers.add(new RecordHeader(RecordHeaders.REPORT_ID, report.getReportId().getBytes(StandardCharsets.UTF_8)));
        if (report.getProvinceHint() != null) {
            headers.add(new RecordHeader(RecordHeaders.PROVINCE, report.getProvinceHint().getBytes(StandardCharsets.UTF_8)));
        }
        return OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(AgencyKey.of(report.getProvinceHint(), report.getAgencyHint(), report.getReportId()))
                .withHeaders(headers)
                .build();
    }

    private static UploadRefusedException unavailable(String why, Throwable cause) {
        // Not promised, though the producer may still deliver it later: a retry is harmless, the id is the content hash.
        return new UploadRefusedException(RequestRejection.BROKER_UNAVAILABLE,
                "The report was not accepted because " + why + ". Please retry later; sending the same document again is safe.",
                cause);
    }
}
