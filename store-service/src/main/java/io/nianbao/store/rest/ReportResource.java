package io.nianbao.store.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.service.ReportService;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private static final String ID = "id";

    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    /** Reports, newest year first, then by agency. */
    @GET
    public Page<Map<String, Object>> list(@QueryParam("province") String province, @QueryParam("year") String year,
            @QueryParam("agency") String agency, @QueryParam("page") String page, @QueryParam("size") String size) {
        ReportQuery query = new ReportQuery(QueryParameters.province(province), QueryParameters.year(year),
                QueryParameters.text(agency), QueryParameters.page(page, size));
        return JsonDocuments.page(reports.find(query), ID);
    }

    /** @param id a report id (of the current version or one in the history) or the document id */
    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return reports.find(id).map(document -> JsonDocuments.of(document, ID))
                .orElseThrow(() -> ApiException.notFound("no stored report has the id " + id));
    }
}
