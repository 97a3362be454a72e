package io.nianbao.store.rest;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.domain.Statistics;
import io.nianbao.store.service.ReportService;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    /** @param level what the groups are: province, city or county */
    public record Answer(String level, List<Statistics.Group> groups) {
    }

    private final ReportService reports;

    StatisticsResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Reports received, consistent, with errors and totals of the key figures, per province; "
            + "per city of a province (province=); per county of a city (city=)")
    public Answer statistics(@BeanParam ReportFilters filters) {
        Statistics statistics = reports.statistics(filters.query(null));
        return new Answer(statistics.level().parameter(), statistics.groups());
    }
}
