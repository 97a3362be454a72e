package io.nianbao.store.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.domain.DeadLetterDocuments;
import io.nianbao.store.domain.DeadLetterQuery;
import io.nianbao.store.domain.FailureKind;
import io.nianbao.store.domain.Page;
import io.nianbao.store.service.DeadLetterService;

/** What every stage could not process, newest first; and the replay of one once its cause is fixed. */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private static final String ID = "id";
    private static final Set<String> PARAMETERS = Set.of("stage", "errorType", "province", "source", "since",
            "page", "size", "cursor");
    private static final Set<String> STAGES = Set.of("ingest", "parse", "validate", "store");
    private static final Set<String> SOURCES = Set.of("upload", "crawl");

    private final DeadLetterService deadLetters;

    DeadLetterResource(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Dead letters, newest failure first, one page; filters: stage (parse, validate, store …), "
            + "errorType, province, source (upload or crawl), since (a date or an instant)")
    public Page<Map<String, Object>> list(@QueryParam("stage") String stage, @QueryParam("errorType") String errorType,
            @QueryParam("province") String province, @QueryParam("source") String source,
            @QueryParam("since") String since, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, PARAMETERS);
        DeadLetterQuery query = new DeadLetterQuery(QueryParameters.oneOf("stage", stage, STAGES),
                QueryParameters.text("errorType", errorType), QueryParameters.province(province),
                QueryParameters.oneOf("source", source, SOURCES), since(since),
                QueryParameters.page(page, size, cursor, DeadLetterQuery.ORDER));
        Page<Document> found = deadLetters.find(query);
        return new Page<>(found.items().stream().map(DeadLetterResource::json).toList(), found.page(), found.size(),
                found.total(), found.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter: stage, error type, reason (with what it means and what to do, in Chinese), "
            + "the report it concerns, where its original record is kept, and its replay")
    public Map<String, Object> get(@PathParam("id") String id) {
        return json(deadLetters.find(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Publishes the dead letter's original record again to the topic it came from, once its cause "
            + "is fixed (needs the API key). 202 when published; 200 when it had been replayed already (nothing sent)")
    public Response replay(@PathParam("id") String id) {
        try {
            DeadLetterService.Replay replay = deadLetters.replay(id).orElseThrow(() -> notFound(id));
            return Response.status(replay.replayed() ? Status.ACCEPTED : Status.OK).entity(json(replay.deadLetter())).build();
        } catch (DeadLetterService.OriginalGoneException e) {
            throw new ApiException(Status.GONE, "gone", e.getMessage());
        }
    }

    /** The stored dead letter, with what its error type means and what to do about it, in Chinese. */
    static Map<String, Object> json(Document deadLetter) {
        Map<String, Object> json = JsonDocuments.of(deadLetter, ID);
        FailureKind kind = FailureKind.of(deadLetter.getString(DeadLetterDocuments.ERROR_TYPE));
        if (kind != null) {
            json.put("meaningZh", kind.meaningZh());
            json.put("actionZh", kind.actionZh());
        }
        return json;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no dead letter has the id " + id);
    }

    /** A date (from its start, UTC) or an instant. */
    private static Instant since(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter("since", "must be a date (2025-01-31) or an instant (2025-01-31T08:00:00Z), was " + since);
        }
    }
}
