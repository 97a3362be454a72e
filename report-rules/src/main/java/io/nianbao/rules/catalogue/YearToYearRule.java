package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** A rule that compares the report with the same agency's other reports; alone, a report gives it nothing to do. */
abstract class YearToYearRule extends CatalogueRule {

    YearToYearRule(String id, Severity severity) {
        super(id, severity);
    }

    @Override
    public final List<Finding> evaluate(ParsedReport report) {
        return evaluate(report, History.none());
    }

    @Override
    public abstract List<Finding> evaluate(ParsedReport report, History history);
}
