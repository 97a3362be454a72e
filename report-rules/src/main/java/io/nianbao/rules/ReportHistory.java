package io.nianbao.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nianbao.schema.ParsedReport;

/**
 * The latest report seen per agency and year, whatever order the years came in: what the year-to-year rules
 * compare with. The holder decides where it comes from (the check command's files, validate-service's
 * compacted history topic); this class only indexes it.
 */
public final class ReportHistory {
    private final Map<String, ParsedReport> latest = new ConcurrentHashMap<>();

    /** The key of an agency's report for a year: the agency key of the Kafka records, then the year. */
    public static String entryKey(String agencyKey, int year) {
        return agencyKey + "|" + year;
    }

    /** Keeps {@code report} as the agency's report for its year; a report without a year has no place in a chain. */
    public void record(String agencyKey, ParsedReport report) {
        if (report.getYear() != null) {
            latest.put(entryKey(agencyKey, report.getYear()), report);
        }
    }

    public ParsedReport find(String agencyKey, int year) {
        return latest.get(entryKey(agencyKey, year));
    }

    /**
     * The report's neighbours in the index; the same year's entry only when it is another report (the same one
     * again is a redelivery, not a revision).
     */
    public History historyOf(String agencyKey, ParsedReport report) {
        Integer year = report.getYear();
        if (year == null) {
            return History.none();
        }
        ParsedReport sameYear = find(agencyKey, year);
        boolean other = sameYear != null && !sameYear.getReportId().equals(report.getReportId());
        return new History(find(agencyKey, year - 1), find(agencyKey, year + 1), other ? sameYear : null);
    }
}
