package io.nianbao.store.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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

    private final AlertService alerts;

    AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "Alerts, most recently raised first, one page (by page number or by nextCursor)")
    public Page<Map<String, Object>> list(@QueryParam("reportId") String reportId, @QueryParam("province") String province,
            @QueryParam("year") String year, @QueryParam("agency") String agency, @QueryParam("rule") String rule,
            @QueryParam("severity") String severity, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        AlertQuery query = new AlertQuery(QueryParameters.text(reportId), QueryParameters.province(province),
                QueryParameters.year(year), QueryParameters.text(agency), QueryParameters.text(rule),
                QueryParameters.severity(severity), QueryParameters.page(page, size, cursor, AlertQuery.ORDER));
        return JsonDocuments.page(alerts.find(query), ID);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts as they are stored, as server-sent events (one JSON alert per event)")
    public Multi<Map<String, Object>> stream() {
        return alerts.live().map(document -> JsonDocuments.of(document, ID));
    }
}
