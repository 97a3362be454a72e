package io.nianbao.store.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.service.DocumentService;

/** {@code /api/documents/{id}}: where an upload's {@code Location} points. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    private final DocumentService documents;

    DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /** @param id the document's id: the SHA-256 of its bytes, as the upload answered it */
    @GET
    @Path("{id}")
    @Operation(summary = "An accepted document's status: received, parsed, stored (with the report's link) or failed "
            + "(stage, error type, reason, time), and its history (every receipt, parse, failure and stored version)")
    public Map<String, Object> status(@PathParam("id") String id) {
        String reportId = QueryParameters.text("id", id);
        return documents.status(reportId).map(status -> JsonDocuments.of(new org.bson.Document(status), "id"))
                .orElseThrow(() -> ApiException.notFound("no document with the id " + id + " has reached the pipeline "
                        + "yet. An accepted upload or crawled report shows here within seconds; if it does not, check "
                        + "the id (the SHA-256 the upload answered) and that the store consumes reports.raw"));
    }
}
