package io.nianbao.store.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.nianbao.store.domain.KeyFigure;

/**
 * A province's year as an oversight office reviews it: every agency that reported, judged on timeliness,
 * completeness, consistency and copying, set against its report of the year before; and the agencies that reported
 * the year before but not this year.
 */
public record Scorecard(String provinceCode, String provinceName, int year, Summary summary, List<Entry> entries,
        List<Missing> missing) {
    /** Every report has the template's six sections. */
    public static final int SECTIONS = 6;
    static final String LATE = "PUB-LATE";
    static final String INCOMPLETE = "PARSE-INCOMPLETE";
    static final String COPY_PRIOR = "COPY-PRIOR";
    static final String COPY_PEER = "COPY-PEER";

    public record Summary(int reports, int late, int incomplete, int withErrors, int copied, int missing) {
    }

    /**
     * @param late          true with a PUB-LATE finding; false when the date is known and in time; null when the
     *                      report prints no date
     * @param incomplete    a PARSE-INCOMPLETE finding or sections missing
     * @param errors        failed ERROR checks; {@code warnings} failed WARN checks
     * @param previousStatus the verdict on the year before's report; null when there is none
     * @param figureChanges each key figure minus the year before's; null without both
     */
    public record Entry(String agencyKey, String agency, String reportId, String cityCode, String cityName,
            String countyCode, String countyName, String status, String publicationDate, Boolean late,
            int sectionsFound, Integer cellsRead, Integer cellsExpected, boolean incomplete, int errors, int warnings,
            boolean copyPrior, boolean copyPeer, int revisions, String previousStatus, Map<String, Long> figures,
            Map<String, Long> figureChanges) {
    }

    /** An agency that published the year before and has no report for the year. */
    public record Missing(String agencyKey, String agency, String previousReportId, String cityCode, String cityName,
            String countyCode, String countyName) {
    }

    /**
     * One year's projection of a report, as the scorecard pipeline returns it.
     *
     * @param figureCells per key figure, the values of its cells (null where not read)
     */
    public record YearFacts(int year, String agency, String reportId, String provinceName, String cityCode, String cityName,
            String countyCode, String countyName, String status, String publicationDate, int sectionsFound,
            Integer cellsRead, Integer cellsExpected, int errors, int warnings, List<String> rules, int revisions,
            Map<String, List<Object>> figureCells) {
        Long figure(KeyFigure figure) {
            Long sum = null;
            for (Object cell : figureCells.getOrDefault(figure.key(), List.of())) {
                if (cell instanceof Number number) {
                    sum = (sum == null ? 0 : sum) + number.longValue();
                }
            }
            return sum;
        }
    }

    /** @param agencies per agency key, its reports of the year and of the year before (one or both) */
    public static Scorecard of(String provinceCode, int year, Map<String, List<YearFacts>> agencies) {
        List<Entry> entries = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        agencies.forEach((key, reports) -> {
            YearFacts now = reports.stream().filter(r -> r.year() == year).findFirst().orElse(null);
            YearFacts before = reports.stream().filter(r -> r.year() == year - 1).findFirst().orElse(null);
            if (now != null) {
                entries.add(entry(key, now, before));
            } else if (before != null) {
                missing.add(new Missing(key, before.agency(), before.reportId(), before.cityCode(), before.cityName(),
                        before.countyCode(), before.countyName()));
            }
        });
        Comparator<String> codes = Comparator.nullsLast(Comparator.naturalOrder());
        entries.sort(Comparator.comparing(Entry::cityCode, codes).thenComparing(Entry::countyCode, codes)
                .thenComparing(Entry::agency, codes));
        missing.sort(Comparator.comparing(Missing::cityCode, codes).thenComparing(Missing::countyCode, codes)
                .thenComparing(Missing::agency, codes));
        Summary summary = new Summary(entries.size(), count(entries, e -> Boolean.TRUE.equals(e.late())),
                count(entries, Entry::incomplete), count(entries, e -> e.errors() > 0),
                count(entries, e -> e.copyPrior() || e.copyPeer()), missing.size());
        // The name as the reports' divisions give it (null when none resolved one): the page and the workbook say
        // which province, not only its code.
        String provinceName = agencies.values().stream().flatMap(List::stream).map(YearFacts::provinceName)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return new Scorecard(provinceCode, provinceName, year, summary, entries, missing);
    }

    private static Entry entry(String key, YearFacts now, YearFacts before) {
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, Long> changes = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            Long value = now.figure(figure);
            Long earlier = before == null ? null : before.figure(figure);
            figures.put(figure.key(), value);
            changes.put(figure.key(), value == null || earlier == null ? null : value - earlier);
        }
        Boolean late = now.rules().contains(LATE) ? Boolean.TRUE : now.publicationDate() == null ? null : Boolean.FALSE;
        boolean incomplete = now.rules().contains(INCOMPLETE) || now.sectionsFound() < SECTIONS;
        return new Entry(key, now.agency(), now.reportId(), now.cityCode(), now.cityName(), now.countyCode(),
                now.countyName(), now.status(), now.publicationDate(), late, now.sectionsFound(), now.cellsRead(),
                now.cellsExpected(), incomplete, now.errors(), now.warnings(), now.rules().contains(COPY_PRIOR),
                now.rules().contains(COPY_PEER), now.revisions(), before == null ? null : before.status(), figures,
                changes);
    }

    private static int count(List<Entry> entries, java.util.function.Predicate<Entry> test) {
        return (int) entries.stream().filter(test).count();
    }
}
