package io.nianbao.store.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.nianbao.store.domain.DocumentPaths;
import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.domain.TemplateLayout;

/**
 * One agency's reports, year by year, each set against the year before: every figure's change, the carry-over
 * chain, the prose copied from the year before, and the revisions of the year's report.
 */
public final class AgencyYears {
    static final String COPY_PRIOR = "COPY-PRIOR";
    static final String REVISED = "PUB-CHANGED";

    /**
     * @param agencyKey the agency's identity: province code and normalised name, as the document ids start
     * @param years     oldest first
     */
    public record Comparison(String agencyKey, String agency, Map<String, Object> division, List<Year> years) {
    }

    /**
     * @param figures        the key figures ({@link KeyFigure#key()}), null where not read
     * @param figureChanges  each key figure minus the year before's; null without both
     * @param cells          every cell of the year's template tables by path
     * @param cellChanges    each numeric cell minus the year before's, where both were read
     * @param carryOver      against the year before; null when there is no report for the year before
     * @param prose          the prose with what the year before's has marked as copied (nothing without one)
     * @param copyFindings   the year's COPY-PRIOR findings, as the rules worded them
     * @param revisions      the earlier versions of this year's report, with what changed (PUB-CHANGED)
     */
    public record Year(int year, String id, String reportId, String template, String status, Object alertCount,
            Object publicationDate, Object sourceUrl, Map<String, Long> figures, Map<String, Long> figureChanges,
            Map<String, Object> cells, Map<String, Number> cellChanges, CarryOver carryOver, Integer proseComparedWith,
            ProseOverlap.Overlap prose, List<String> copyFindings, Revisions revisions) {
    }

    /**
     * @param earlier the versions stored before the current one (report id, parser, verdict, when)
     * @param changes the PUB-CHANGED findings: the cells that changed and the rules' account of old → new
     */
    public record Revisions(List<Object> earlier, List<Change> changes) {
    }

    /** @param from the earlier version's report id; @param to the later one's */
    public record Change(String from, String to, List<String> cells, String messageZh) {
    }

    private AgencyYears() {
    }

    /** @param reports the agency's stored documents, any order */
    public static Comparison of(String agencyKey, List<Map<String, Object>> reports) {
        List<Map<String, Object>> byYear = new ArrayList<>(reports);
        byYear.sort((a, b) -> Integer.compare(year(a), year(b)));
        Map<String, Object> latest = byYear.get(byYear.size() - 1);
        List<Year> years = new ArrayList<>();
        Map<String, Object> previous = null;
        for (Map<String, Object> report : byYear) {
            Map<String, Object> yearBefore = previous != null && year(previous) == year(report) - 1 ? previous : null;
            years.add(year(report, yearBefore));
            previous = report;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> division = (Map<String, Object>) latest.get("division");
        return new Comparison(agencyKey, (String) latest.get("agency"), division, years);
    }

    private static Year year(Map<String, Object> report, Map<String, Object> yearBefore) {
        int year = year(report);
        String template = (String) report.get("template");
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, Long> figureChanges = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            Long now = figure.of(report);
            figures.put(figure.key(), now);
            figureChanges.put(figure.key(), yearBefore == null ? null : (Long) difference(now, figure.of(yearBefore)));
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        Map<String, Number> cellChanges = new LinkedHashMap<>();
        List<String> paths = TemplateLayout.of(template).stream().flatMap(table -> table.blocks().stream())
                .flatMap(block -> block.rows().stream()).flatMap(row -> row.cells().stream())
                .filter(Objects::nonNull).toList();
        for (String path : paths) {
            Object value = DocumentPaths.value(report, path);
            cells.put(path, value);
            Number change = yearBefore == null ? null : difference(value, DocumentPaths.value(yearBefore, path));
            if (change != null) {
                cellChanges.put(path, change);
            }
        }
        Map<String, Object> source = map(report.get("source"));
        return new Year(year, (String) report.get("id"), (String) report.get("reportId"), template,
                (String) report.get("status"), report.get("alertCount"), report.get("publicationDate"),
                source.get("url"), figures, figureChanges, cells, cellChanges,
                yearBefore == null ? null : CarryOver.between(year - 1, yearBefore, year, report),
                yearBefore == null ? null : year - 1, ProseOverlap.of(report, yearBefore),
                findings(report, COPY_PRIOR).stream().map(f -> (String) f.get("messageZh")).toList(),
                revisions(report));
    }

    private static Revisions revisions(Map<String, Object> report) {
        List<Change> changes = findings(report, REVISED).stream().map(f -> new Change((String) f.get("expected"),
                (String) f.get("found"), strings(f.get("cells")), (String) f.get("messageZh"))).toList();
        return new Revisions(report.get("history") instanceof List<?> history ? List.copyOf(history) : List.of(),
                changes);
    }

    static List<Map<String, Object>> findings(Map<String, Object> report, String ruleId) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (report.get("findings") instanceof List<?> findings) {
            for (Object finding : findings) {
                Map<String, Object> map = map(finding);
                if (ruleId.equals(map.get("ruleId")) && "FAILED".equals(String.valueOf(map.get("outcome")))) {
                    found.add(map);
                }
            }
        }
        return found;
    }

    /** Counts as whole numbers; amounts (万元) as decimals; null unless both were read. */
    private static Number difference(Object now, Object before) {
        if (!(now instanceof Number a) || !(before instanceof Number b)) {
            return null;
        }
        if (a instanceof Double || b instanceof Double) {
            return BigDecimal.valueOf(a.doubleValue()).subtract(BigDecimal.valueOf(b.doubleValue())).doubleValue();
        }
        return a.longValue() - b.longValue();
    }

    static int year(Map<String, Object> report) {
        return ((Number) report.get("year")).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(Objects::toString).toList() : List.of();
    }
}
