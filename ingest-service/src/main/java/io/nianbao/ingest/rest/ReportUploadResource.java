package io.nianbao.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.nianbao.ingest.service.AcceptedReport;
import io.nianbao.ingest.service.IngestService;
import io.nianbao.ingest.service.RequestRejection;
import io.nianbao.ingest.service.UploadHints;
import io.nianbao.ingest.service.UploadRefusedException;

/**
 * {@code POST /api/reports}: a document as multipart part {@code file} or as the raw body. 202 means the broker
 * has the report; every refusal is an {@link ErrorResponse}.
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportUploadResource {
    private final IngestService ingest;
    private final UploadMetrics metrics;
    private final String storeUrl;

    public ReportUploadResource(IngestService ingest, UploadMetrics metrics,
                                @ConfigProperty(name = "nianbao.store.public-url") String storeUrl) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.storeUrl = storeUrl.replaceAll("/+$", "");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@RestForm("file") FileUpload file, @RestForm String sourceUrl,
                               @RestForm String agency, @RestForm String province) throws IOException {
        UploadHints hints = UploadHints.of(file == null ? null : file.fileName(), sourceUrl, agency, province);
        if (file == null) {
            throw new UploadRefusedException(RequestRejection.EMPTY_BODY, "The multipart upload has no part named 'file': "
                    + "send the report document in it.");
        }
        // Quarkus has already spooled the part to disk, so its size is known before anything is read into memory.
        try (InputStream content = Files.newInputStream(file.uploadedFile())) {
            return accepted(ingest.ingest(content, file.size(), hints));
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response uploadBody(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                               @RestQuery String sourceUrl, @RestQuery String agency, @RestQuery String province,
                               @RestQuery String fileName) {
        UploadHints hints = UploadHints.of(fileName, sourceUrl, agency, province);
        return accepted(ingest.ingest(body, contentLength == null ? -1 : contentLength, hints));
    }

    private Response accepted(AcceptedReport report) {
        // The document's status (received, parsed, stored with the report's link, or failed with the reason): an
        // upload that fails has no report, and a user must still learn what became of it.
        URI location = URI.create(storeUrl + "/api/documents/" + report.id());
        metrics.accepted();
        return Response.accepted(new UploadReceipt(report.id(), report.mediaType(), report.sizeBytes(), location.toString()))
                .location(location)
                .build();
    }
}
