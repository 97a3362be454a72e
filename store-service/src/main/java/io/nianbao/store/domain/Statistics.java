package io.nianbao.store.domain;

import java.util.List;
import java.util.Map;

/**
 * Reports received and their figures, per division one level below the query's (provinces; a province's
 * cities; a city's counties). A report whose division at that level is unknown counts under code null.
 */
public record Statistics(Level level, List<Group> groups) {
    public enum Level {
        PROVINCE("province", "division.provinceCode", "division.provinceName"),
        CITY("city", "division.cityCode", "division.cityName"),
        COUNTY("county", "division.countyCode", "division.countyName");

        private final String name;
        private final String codePath;
        private final String namePath;

        Level(String name, String codePath, String namePath) {
            this.name = name;
            this.codePath = codePath;
            this.namePath = namePath;
        }

        public String parameter() {
            return name;
        }

        public String codePath() {
            return codePath;
        }

        public String namePath() {
            return namePath;
        }

        /** The level a query's answer is broken down by: one below the most specific division it filters on. */
        public static Level below(ReportQuery query) {
            if (query.cityCode() != null || query.countyCode() != null) {
                return COUNTY;
            }
            return query.provinceCode() != null ? CITY : PROVINCE;
        }
    }

    /** @param totals per {@link KeyFigure#key()}; null when no report of the group had the figure read */
    public record Group(String code, String name, long reports, long consistent, long errors, long needsReview,
            Map<String, Long> totals) {
    }
}
