package io.nianbao.rules;

import io.nianbao.schema.ParsedReport;

/**
 * The same agency's other reports a year-to-year rule compares with; each null when not (yet) known. Kept
 * outside the engine so the engine stays pure: whoever holds the history (validate-service, the check command)
 * looks the reports up and passes them in.
 *
 * @param previousYear     the agency's report for year − 1
 * @param nextYear         the agency's report for year + 1
 * @param sameYearPrevious an earlier report of the same agency and year (a revision when its content differs)
 */
public record History(ParsedReport previousYear, ParsedReport nextYear, ParsedReport sameYearPrevious) {

    public static History none() {
        return new History(null, null, null);
    }
}
