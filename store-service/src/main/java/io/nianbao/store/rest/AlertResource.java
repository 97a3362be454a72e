package io.nianbao.store.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.AlertQuery;
import io.nianbao.store.service.AlertService;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private final AlertService alerts;

    AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    /** Alerts, most recently raised first. */
    @GET
    public Page<Map<String, Object>> list(@QueryParam("reportId") String reportId, @QueryParam("province") String province,
            @QueryParam("year") String year, @QueryParam("page") String page, @QueryParam("size") String size) {
        AlertQuery query = new AlertQuery(QueryParameters.text(reportId), QueryParameters.province(province),
                QueryParameters.year(year), QueryParameters.page(page, size));
        return JsonDocuments.page(alerts.find(query), "alertId");
    }
}
