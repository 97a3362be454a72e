package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.rules.History;
import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** A rule that compares the report with the same agency's other reports; alone, a report gives it nothing to do. */
abstract class YearToYearRule implements Rule {

    @Override
    public final List<Finding> evaluate(ParsedReport report) {
        return evaluate(report, History.none());
    }

    @Override
    public abstract List<Finding> evaluate(ParsedReport report, History history);
}
