package io.nianbao.validate.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Severity;

/** The rule catalogue this instance runs, so an operator can tell which rules version judged the reports. */
@Path("/api/rules")
public class RulesResource {

    public record RuleView(String id, Severity severity) {
    }

    public record Catalogue(String rulesVersion, List<RuleView> rules) {
    }

    @Inject
    RuleEngine engine;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Catalogue rules() {
        return new Catalogue(RuleEngine.RULES_VERSION,
                engine.rules().stream().map(rule -> new RuleView(rule.id(), rule.severity())).toList());
    }
}
