package io.nianbao.store.rest;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.nianbao.store.domain.AlertQuery;
import io.nianbao.store.domain.Page;
import io.nianbao.store.service.AlertService;
import io.smallrye.mutiny.Multi;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private static final String ID = "alertId";
    private static final Set<String> PARAMETERS = Set.of("reportId", "province", "year", "agency", "rule", "severity",
            "page", "size", "cursor");

    private final AlertService alerts;
    private final StreamTokens streamTokens;

    AlertResource(AlertService alerts, StreamTokens streamTokens) {
        this.alerts = alerts;
        this.streamTokens = streamTokens;
    }

    @GET
    @Operation(summary = "Alerts, most recently raised first, one page (by page number or by nextCursor)")
    public Page<Map<String, Object>> list(@QueryParam("reportId") String reportId, @QueryParam("province") String province,
            @QueryParam("year") String year, @QueryParam("agency") String agency, @QueryParam("rule") String rule,
            @QueryParam("severity") String severity, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, PARAMETERS);
        AlertQuery query = new AlertQuery(QueryParameters.text("reportId", reportId), QueryParameters.province(province),
                QueryParameters.year(year), QueryParameters.text("agency", agency), QueryParameters.text("rule", rule),
                QueryParameters.severity(severity), QueryParameters.page(page, size, cursor, AlertQuery.ORDER));
        return JsonDocuments.page(alerts.find(query), ID);
    }

    @GET
    @Path("stream-token")
    @Operation(summary = "A token for opening the alert stream as /api/alerts/stream?token=… where headers cannot be "
            + "sent (a browser's EventSource) and reads need the API key; valid 5 minutes. 204 when no key is configured")
    public Response streamToken() {
        return streamTokens.issue(Instant.now()).map(token -> Response.ok(token).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts as they are stored, as server-sent events (one JSON alert per event). When reads need "
            + "the API key: the X-API-Key header, or ?token= from /api/alerts/stream-token")
    public Multi<Map<String, Object>> stream() {
        return alerts.live().map(document -> JsonDocuments.of(document, ID));
    }
}
