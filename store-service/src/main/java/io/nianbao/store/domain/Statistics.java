package io.nianbao.store.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports received and their figures, per division one level below the query's (provinces; a province's
 * cities; a city's counties). A report whose division at that level is unknown counts under code null.
 */
public final class Statistics {
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

    /** What a projection must include for {@link #add}. */
    public static final List<String> FIELDS = fields();

    private final Level level;
    private final Map<String, Tally> tallies = new TreeMap<>((a, b) -> a == null ? (b == null ? 0 : 1)
            : b == null ? -1 : a.compareTo(b));

    public Statistics(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    public void add(Map<String, Object> report) {
        String code = (String) DocumentPaths.value(report, level.codePath);
        tallies.computeIfAbsent(code, c -> new Tally()).add(report, (String) DocumentPaths.value(report, level.namePath));
    }

    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        tallies.forEach((code, tally) -> groups.add(tally.group(code)));
        return groups;
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of(ReportDocuments.STATUS, "division"));
        for (KeyFigure figure : KeyFigure.values()) {
            figure.cells().forEach(cell -> fields.add(cell.replaceAll("\\[\\d+]$", "")));
        }
        return fields.stream().distinct().toList();
    }

    private static final class Tally {
        private String name;
        private long reports;
        private long consistent;
        private long errors;
        private long needsReview;
        private final Map<String, Long> totals = new LinkedHashMap<>();

        private Tally() {
            for (KeyFigure figure : KeyFigure.values()) {
                totals.put(figure.key(), null);
            }
        }

        void add(Map<String, Object> report, String divisionName) {
            if (name == null) {
                name = divisionName;
            }
            reports++;
            Object status = report.get(ReportDocuments.STATUS);
            if ("consistent".equals(status)) {
                consistent++;
            } else if ("errors".equals(status)) {
                errors++;
            } else if ("needsReview".equals(status)) {
                needsReview++;
            }
            for (KeyFigure figure : KeyFigure.values()) {
                Long value = figure.of(report);
                if (value != null) {
                    totals.merge(figure.key(), value, Long::sum);
                }
            }
        }

        Group group(String code) {
            return new Group(code, name, reports, consistent, errors, needsReview, new LinkedHashMap<>(totals));
        }
    }
}
