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
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Writes a {@link RawReport} to reports.raw and returns only once the broker acknowledged it (acks=all). */
@ApplicationScoped
public class RawReportProducer {
    public static final String CHANNEL = "raw-reports";

    private final Emitter<RawReport> emitter;
    private final Duration ackTimeout;

    @Inject
    public RawReportProducer(@Channel(CHANNEL) Emitter<RawReport> emitter,
                             @ConfigProperty(name = "nianbao.ingest.publish-timeout") Duration ackTimeout) {
        this.emitter = emitter;
        this.ackTimeout = ackTimeout;
    }

    /** @throws UploadRefusedException (503) when the broker refused the record or did not answer in time */
    public void publish(RawReport report) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<RawReport> message = Message.of(report, Metadata.of(kafkaMetadata(report)),
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
