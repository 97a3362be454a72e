package io.nianbao.store.domain;

/**
 * Filters of the report listing; a null filter matches everything. Values are matched literally; {@code agency}
 * is a substring of the agency's name.
 */
public record ReportQuery(String provinceCode, String cityCode, String countyCode, Integer year, String template,
        String status, String ruleId, String agency, ReportSort sort, PageRequest page) {

    /** The same filters over everything they match, for statistics and exports. */
    public ReportQuery withPage(PageRequest page) {
        return new ReportQuery(provinceCode, cityCode, countyCode, year, template, status, ruleId, agency, sort, page);
    }
}
