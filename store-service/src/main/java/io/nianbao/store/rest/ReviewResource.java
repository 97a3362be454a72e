package io.nianbao.store.rest;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.nianbao.store.export.ScorecardWorkbook;
import io.nianbao.store.repository.ComparisonRepository;
import io.nianbao.store.review.Scorecard;

/** A province's year in one scorecard, for an oversight office's annual review. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private static final Set<String> PARAMETERS = Set.of("province", "year", "city", "county");

    private final ComparisonRepository comparisons;

    ReviewResource(ComparisonRepository comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(summary = "Every agency of the province with a report for the year: on time (PUB-LATE), complete, "
            + "consistent, copied (COPY-PRIOR, COPY-PEER), what changed since the year before; and the agencies that "
            + "reported the year before but not this year")
    public Scorecard scorecard(@Parameter(description = "two-digit province code, required") @QueryParam("province") String province,
            @Parameter(description = "the year reported on, required") @QueryParam("year") String year,
            @Parameter(description = "only this city (4 or 6 digits)") @QueryParam("city") String city,
            @Parameter(description = "only this county (6 digits)") @QueryParam("county") String county,
            @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, PARAMETERS);
        String provinceCode = required("province", QueryParameters.province(province));
        int reportYear = required("year", QueryParameters.year(year));
        String cityCode = QueryParameters.city(city);
        String countyCode = QueryParameters.county(county);
        requireWithin("city", cityCode, provinceCode);
        requireWithin("county", countyCode, provinceCode);
        return comparisons.scorecard(provinceCode, reportYear, cityCode, countyCode);
    }

    @GET
    @Path("export.xlsx")
    @Produces(ReportResource.XLSX)
    @Operation(summary = "The scorecard as an Excel workbook: a summary, one sheet per city, the agencies missing")
    public Response export(@QueryParam("province") String province, @QueryParam("year") String year,
            @QueryParam("city") String city, @QueryParam("county") String county, @Context UriInfo uri) {
        Scorecard scorecard = scorecard(province, year, city, county, uri);
        String fileName = "review-" + scorecard.provinceCode() + "-" + scorecard.year() + ".xlsx";
        return Response.ok((StreamingOutput) out -> ScorecardWorkbook.write(scorecard, out),
                ReportResource.XLSX).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A division code names its province in its first two digits (GB/T 2260). */
    private static void requireWithin(String name, String code, String provinceCode) {
        if (code != null && !code.startsWith(provinceCode)) {
            throw ApiException.invalidParameter(name, code + " is not in the province " + provinceCode);
        }
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw ApiException.invalidParameter(name, "is required");
        }
        return value;
    }
}
