package io.nianbao.store.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nianbao.store.domain.TemplateLayout;

@Path("/api/template")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {
    @GET
    @Operation(summary = "The template's tables as report-template defines them: headings, blocks, row labels and the"
            + " cell path at each place (the 2021 template when none is named)")
    public List<TemplateLayout.Table> layout(@QueryParam("template") String template) {
        return TemplateLayout.of(QueryParameters.template(template));
    }
}
