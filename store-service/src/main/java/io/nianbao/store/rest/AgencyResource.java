package io.nianbao.store.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.nianbao.store.compare.AgencyYears;
import io.nianbao.store.compare.Peers;
import io.nianbao.store.compare.ProseOverlap;
import io.nianbao.store.domain.DocumentPaths;
import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.repository.ComparisonRepository;

/** An agency across its years, and beside its peers of a year. */
@Path("/api/agencies/{agencyKey}")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {
    private static final String ID = "id";
    /**
     * A province has thousands of towns: the peers of a kind shown are this many, nearest first (its county, its city,
     * the province), and itself.
     */
    private static final int MAX_SAME_KIND = 200;
    /** What a peer's row shows: its identity, verdict, key figures, and its prose (for the text it shares). */
    private static final List<String> PEER_FIELDS = Stream.concat(
            Stream.of("agency", "reportId", "status", "year", "findings", "division"),
            Stream.concat(Stream.of(KeyFigure.values()).flatMap(f -> f.cells().stream()).map(DocumentPaths::root),
                    ProseOverlap.SECTIONS.stream().map(s -> DocumentPaths.root(s.path()))))
            .distinct().toList();

    private final ComparisonRepository comparisons;

    AgencyResource(ComparisonRepository comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(summary = "The agency's reports year by year, each against the year before: figures and their change, "
            + "the carry-over chain, the prose copied, the revisions")
    public AgencyYears.Comparison years(@Parameter(description = "province code, '|', the agency's normalised name "
            + "(a report's id without its '|year'), e.g. 64|盐池县花马池镇人民政府") @PathParam("agencyKey") String agencyKey,
            @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, Set.of());
        return AgencyYears.of(agencyKey, json(agencyYears(agencyKey)));
    }

    @GET
    @Path("peers")
    @Operation(summary = "The agency's report of a year beside its county's reports (HIER-SUM), the reports of agencies "
            + "of its kind in the province, and the reports its text is near-identical to (COPY-PEER)")
    public Peers.Comparison peers(@PathParam("agencyKey") String agencyKey,
            @Parameter(description = "the year; the latest the agency reported when absent") @QueryParam("year") String year,
            @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, Set.of("year"));
        Integer wanted = QueryParameters.year(year);
        List<Document> years = agencyYears(agencyKey);
        Document report = wanted == null ? years.get(years.size() - 1) : years.stream()
                .filter(d -> wanted.equals(d.getInteger("year"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("the agency " + agencyKey + " has no report for " + wanted));
        int reportYear = report.getInteger("year");
        Document division = report.get("division", Document.class);
        String countyCode = division == null ? null : division.getString("countyCode");
        List<Document> county = countyCode == null ? List.of(report)
                : comparisons.inCounty(countyCode, reportYear, PEER_FIELDS);
        String kind = Peers.kind(report.getString("agency"));
        String province = report.getString("provinceCode");
        List<Document> sameKind = new ArrayList<>(kind == null || province == null ? List.of(report)
                : comparisons.ofKind(province, division == null ? null : division.getString("cityCode"), countyCode,
                        reportYear, kind, PEER_FIELDS, MAX_SAME_KIND));
        long sameKindTotal = kind == null || province == null ? 1 : comparisons.countOfKind(province, reportYear, kind);
        if (sameKind.stream().noneMatch(peer -> peer.get(ReportDocuments.ID).equals(report.get(ReportDocuments.ID)))) {
            sameKind.add(report);
        }
        Map<String, Map<String, Object>> copied = new LinkedHashMap<>();
        Map<String, Object> self = JsonDocuments.of(report, ID);
        for (String reportId : Peers.copiedReportIds(self)) {
            Document other = comparisons.byReportId(reportId, PEER_FIELDS);
            if (other != null) {
                copied.put(reportId, JsonDocuments.of(other, ID));
            }
        }
        return Peers.of(agencyKey, self, json(county), json(sameKind), sameKindTotal, copied);
    }

    private List<Document> agencyYears(String agencyKey) {
        if (agencyKey.length() > 2 * QueryParameters.MAX_TEXT_LENGTH) {
            throw ApiException.invalidParameter("agencyKey", "must be at most " + 2 * QueryParameters.MAX_TEXT_LENGTH
                    + " characters, was " + agencyKey.length());
        }
        List<Document> years = comparisons.agencyYears(agencyKey);
        if (years.isEmpty()) {
            throw ApiException.notFound("no stored report is of the agency " + agencyKey);
        }
        return years;
    }

    private static List<Map<String, Object>> json(List<Document> documents) {
        List<Map<String, Object>> json = new ArrayList<>();
        documents.forEach(d -> json.add(JsonDocuments.of(d, ID)));
        return json;
    }
}
