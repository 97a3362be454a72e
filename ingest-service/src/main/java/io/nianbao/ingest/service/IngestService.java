package io.nianbao.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.schema.RawReport;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;

/** One upload: size check, type sniffing, content id, then the write to reports.raw. */
@Startup // a limit that the HTTP layer or Kafka would undercut fails the start, not the first large upload
@ApplicationScoped
public class IngestService {
    static final String ORIGIN = "upload";
    /** Room for multipart framing and the RawReport's other fields around the document bytes. */
    static final long ENVELOPE_BYTES = 64 * 1024;

    private final UploadLimit limit;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    private final RawReportProducer producer;

    @Inject
    public IngestService(RawReportProducer producer,
                         @ConfigProperty(name = "nianbao.ingest.max-upload-bytes") long maxUploadBytes,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpBodyLimit,
                         @ConfigProperty(name = "mp.messaging.outgoing." + RawReportProducer.CHANNEL + ".max.request.size",
                                 defaultValue = "1048576") long kafkaRequestLimit) {
        requireBelow(maxUploadBytes, httpBodyLimit.asLongValue(), "quarkus.http.limits.max-body-size");
        requireBelow(maxUploadBytes, kafkaRequestLimit, "the producer's max.request.size");
        this.producer = producer;
        this.limit = new UploadLimit(maxUploadBytes);
    }

    /**
     * @param declaredBytes the size announced before reading, or a negative number when unknown
     * @throws UploadRefusedException with the reason the upload was not accepted
     */
    public AcceptedReport ingest(InputStream body, long declaredBytes, UploadHints hints) {
        limit.checkDeclared(declaredBytes);
        byte[] content;
        try {
            content = limit.read(body);
        } catch (IOException e) {
            throw new UploadRefusedException(RequestRejection.UNREADABLE_BODY,
                    "The upload could not be read to its end (" + e.getMessage() + "). Nothing was stored.", e);
        }
        String mediaType = sniffer.sniff(content);
        String id = ReportIds.of(content);
        producer.publish(RawReport.newBuilder()
                .setReportId(id)
                .setContent(ByteBuffer.wrap(content))
                .setMediaType(mediaType)
                .setFileName(hints.fileName())
                .setSourceUrl(hints.sourceUrl())
                .setAgencyHint(hints.agency())
                .setProvinceHint(hints.province())
                .setOrigin(ORIGIN)
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build(), Context.current()); // the upload request's trace is the document's
        return new AcceptedReport(id, mediaType, content.length);
    }

    private static void requireBelow(long maxUploadBytes, long ceiling, String what) {
        if (maxUploadBytes + ENVELOPE_BYTES > ceiling) {
            throw new IllegalStateException("nianbao.ingest.max-upload-bytes (NIANBAO_MAX_UPLOAD_BYTES) = " + maxUploadBytes
                    + " must stay at least " + ENVELOPE_BYTES + " bytes below " + what + " = " + ceiling
                    + ": lower it or raise that limit");
        }
    }
}
