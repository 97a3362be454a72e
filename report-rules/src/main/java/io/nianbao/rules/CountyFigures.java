package io.nianbao.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A report of a county and year as HIER-SUM adds it up, known without reading the report again: whether it is the
 * county government's own ({@link io.nianbao.rules.catalogue.HierarchySumRule#isCountyGovernment}) and the totals a
 * county government's report must take in, in the rule's order (null where not read). What a history keeps with each
 * report of a county-year, so that a department's arrival does not read every report of its county.
 *
 * @param reportId          the report's id
 * @param countyGovernment  whether it is the county government's own report
 * @param totals            its totals HIER-SUM compares, in the rule's order; null where not read
 */
public record CountyFigures(String reportId, boolean countyGovernment, List<Integer> totals) {
    public CountyFigures {
        // Not List.copyOf: a total not read is null.
        totals = Collections.unmodifiableList(new ArrayList<>(totals));
    }
}
