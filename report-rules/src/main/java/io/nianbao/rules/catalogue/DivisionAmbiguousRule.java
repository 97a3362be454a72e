package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Division;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The agency's name resolves to no division or to several (洪山镇 exists in several provinces): the candidates
 * are kept and nothing is guessed, so the report is not attributed to a province until someone decides.
 */
public final class DivisionAmbiguousRule extends CatalogueRule {
    public static final String ID = "DIV-AMBIG";

    public DivisionAmbiguousRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Division division = report.getDivision();
        return switch (division.getStatus()) {
            case "ambiguous" -> List.of(Findings.failed(this, List.of("division"), "one division",
                    String.join(", ", division.getCandidates()),
                    "机关名称对应多个行政区划：" + String.join("、", division.getCandidates()),
                    "The agency name matches several divisions: " + String.join(", ", division.getCandidates())));
            case "unresolved" -> List.of(Findings.failed(this, List.of("division"), "one division", "none",
                    "机关名称未能对应到行政区划", "The agency name matches no division"));
            default -> List.of();
        };
    }
}
