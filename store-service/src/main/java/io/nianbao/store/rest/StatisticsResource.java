package io.nianbao.store.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.domain.DeadLetterQuery;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.Statistics;
import io.nianbao.store.service.DeadLetterService;
import io.nianbao.store.service.ReportService;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    /**
     * @param level    what the groups are: province, city or county
     * @param failures dead letters of the province (all when none is named), counted per stage and per error type
     */
    public record Answer(String level, List<Statistics.Group> groups, Map<String, Map<String, Long>> failures) {
    }

    private final ReportService reports;
    private final DeadLetterService deadLetters;

    StatisticsResource(ReportService reports, DeadLetterService deadLetters) {
        this.reports = reports;
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Reports received, consistent, with errors and totals of the key figures, per province; "
            + "per city of a province (province=); per county of a city (city=)")
    public Answer statistics(@BeanParam ReportFilters filters) {
        ReportQuery query = filters.query(null);
        Statistics statistics = reports.statistics(query);
        return new Answer(statistics.level().parameter(), statistics.groups(), deadLetters.counts(new DeadLetterQuery(
                null, null, query.provinceCode(), null, null, null)));
    }
}
