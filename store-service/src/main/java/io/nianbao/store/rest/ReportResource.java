package io.nianbao.store.rest;

import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.export.ReportListExport;
import io.nianbao.store.export.ReportTablesWorkbook;
import io.nianbao.store.service.ReportService;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String ID = "id";

    private final ReportService reports;
    private final long maxExportRows;

    ReportResource(ReportService reports, @ConfigProperty(name = "nianbao.export.max-rows") long maxExportRows) {
        this.reports = reports;
        this.maxExportRows = maxExportRows;
    }

    @GET
    @Operation(summary = "Reports matching the filters, one page (by page number or by the previous page's nextCursor)")
    public Page<Map<String, Object>> list(@BeanParam ReportFilters filters, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        ReportQuery query = filters.query(QueryParameters.page(page, size, cursor, filters.sort().keys()));
        Page<Document> found = reports.find(query);
        found.items().forEach(ReportResource::withoutScorecardFacts);
        return JsonDocuments.page(found, ID);
    }

    @GET
    @Path("export.csv")
    @Produces(CSV)
    @Operation(summary = "Every report matching the filters as CSV, with the template's Chinese headings "
            + "(at most nianbao.export.max-rows rows, else 400)")
    public Response exportCsv(@BeanParam ReportFilters filters) {
        ReportQuery query = exportable(filters.query(null));
        StreamingOutput body = out -> ReportListExport.csv(action -> reports.forEach(query, ReportListExport.fields(), action), out);
        return attachment(body, CSV, "reports.csv");
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Every report matching the filters as an Excel workbook, with the template's Chinese headings "
            + "(at most nianbao.export.max-rows rows, else 400)")
    public Response exportXlsx(@BeanParam ReportFilters filters) {
        ReportQuery query = exportable(filters.query(null));
        StreamingOutput body = out -> ReportListExport.xlsx(action -> reports.forEach(query, ReportListExport.fields(), action), out);
        return attachment(body, XLSX, "reports.xlsx");
    }

    /**
     * Refuses, before the first byte is written, an export longer than the cap: a list cut short would pass for
     * the whole list in a spreadsheet, and an error cannot be sent once the body has started.
     */
    private ReportQuery exportable(ReportQuery query) {
        long matched = reports.count(query);
        if (matched > maxExportRows) {
            throw ApiException.tooLarge("the filters match " + matched + " reports and an export holds at most "
                    + maxExportRows + ": narrow them (province, city, year, status …) or page through /api/reports");
        }
        return query;
    }

    /** @param id a report id (of the current version or one in the history) or the document id */
    @GET
    @Path("{id}")
    @Operation(summary = "One report: its tables, findings, source and history")
    public Map<String, Object> get(@PathParam("id") String id) {
        return JsonDocuments.of(withoutScorecardFacts(document(id)), ID);
    }

    @GET
    @Path("{id}/tables.xlsx")
    @Produces(XLSX)
    @Operation(summary = "One report's tables as an Excel workbook laid out like the template")
    public Response tables(@PathParam("id") String id) {
        Map<String, Object> report = document(id);
        return attachment(out -> ReportTablesWorkbook.write(report, out), XLSX, "report-tables.xlsx");
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Removes a stored report (needs the API key)")
    public Response delete(@PathParam("id") String id) {
        if (!reports.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /** The scorecard's facts are derived from the report when it is stored, for the scorecard: not the report's. */
    private static Document withoutScorecardFacts(Document document) {
        document.remove(ReportDocuments.SCORECARD);
        return document;
    }

    private Document document(String id) {
        return reports.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no stored report has the id " + id);
    }

    private static Response attachment(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
