package io.nianbao.store.rest;

import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.nianbao.store.domain.PageRequest;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.ReportSort;

/** The report filters shared by the listing, the exports and the statistics. */
public class ReportFilters {
    static final Set<String> NAMES = Set.of("province", "city", "county", "year", "template", "status", "rule",
            "agency", "sort");

    @Context
    UriInfo uri;

    @QueryParam("province")
    @Parameter(description = "two-digit province code, e.g. 64")
    String province;

    @QueryParam("city")
    @Parameter(description = "city code (4 or 6 digits)")
    String city;

    @QueryParam("county")
    @Parameter(description = "county code (6 digits)")
    String county;

    @QueryParam("year")
    @Parameter(description = "the year reported on, 2008 to 2100")
    String year;

    @QueryParam("template")
    @Parameter(description = "2019 or 2021")
    String template;

    @QueryParam("status")
    @Parameter(description = "consistent, errors, warnings or needsReview")
    String status;

    @QueryParam("rule")
    @Parameter(description = "a rule id that produced a finding, e.g. S3-BALANCE")
    String rule;

    @QueryParam("agency")
    @Parameter(description = "part of the agency's name (up to 100 characters), matched literally, e.g. 花马池")
    String agency;

    @QueryParam("sort")
    @Parameter(description = "year (default: newest first, then agency), agency, storedAt or alertCount")
    String sort;

    /** The filters over one page (listing), or over everything they match when {@code page} is null. */
    ReportQuery query(PageRequest page) {
        Set<String> known = new HashSet<>(NAMES);
        if (page != null) {
            known.addAll(QueryParameters.PAGING);
        }
        QueryParameters.requireKnown(uri, known);
        return new ReportQuery(QueryParameters.province(province), QueryParameters.city(city),
                QueryParameters.county(county), QueryParameters.year(year), QueryParameters.template(template),
                QueryParameters.status(status), QueryParameters.text("rule", rule),
                QueryParameters.text("agency", agency), sort(), page);
    }

    ReportSort sort() {
        if (sort == null || sort.isEmpty()) {
            return ReportSort.YEAR;
        }
        return ReportSort.of(sort).orElseThrow(() -> ApiException.invalidParameter("sort",
                "must be one of year, agency, storedAt, alertCount, was " + sort));
    }
}
