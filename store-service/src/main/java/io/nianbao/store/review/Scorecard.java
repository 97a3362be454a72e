package io.nianbao.store.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.nianbao.store.domain.ScorecardFacts;

/**
 * A province's year as an oversight office reviews it: every agency that reported, judged on timeliness,
 * completeness, consistency and copying, set against its report of the year before; and the agencies that reported
 * the year before but not this year.
 */
public record Scorecard(String provinceCode, String provinceName, int year, Summary summary, List<Entry> entries,
        List<Missing> missing) {
    public record Summary(int reports, int late, int incomplete, int withErrors, int copied, int missing) {
    }

    /**
     * One agency's report of the year (its {@link ScorecardFacts}) set against its report of the year before.
     *
     * @param previousStatus the verdict on the year before's report; null when there is none
     * @param figureChanges  each key figure minus the year before's; null without both
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

    /** @param reports the facts of the province's reports of the year and of the year before */
    public static Scorecard of(String provinceCode, int year, Collection<ScorecardFacts> reports) {
        Map<String, ScorecardFacts> current = new HashMap<>();
        Map<String, ScorecardFacts> previous = new HashMap<>();
        for (ScorecardFacts report : reports) {
            (report.year() == year ? current : previous).put(report.agencyKey(), report);
        }
        List<Entry> entries = new ArrayList<>();
        current.forEach((key, now) -> entries.add(entry(now, previous.get(key))));
        List<Missing> missing = new ArrayList<>();
        previous.forEach((key, before) -> {
            if (!current.containsKey(key)) {
                missing.add(new Missing(key, before.agency(), before.reportId(), before.cityCode(), before.cityName(),
                        before.countyCode(), before.countyName()));
            }
        });
        Comparator<String> codes = Comparator.nullsLast(Comparator.naturalOrder());
        entries.sort(Comparator.comparing(Entry::cityCode, codes).thenComparing(Entry::countyCode, codes)
                .thenComparing(Entry::agency, codes).thenComparing(Entry::agencyKey));
        missing.sort(Comparator.comparing(Missing::cityCode, codes).thenComparing(Missing::countyCode, codes)
                .thenComparing(Missing::agency, codes).thenComparing(Missing::agencyKey));
        Summary summary = new Summary(entries.size(), count(entries, e -> Boolean.TRUE.equals(e.late())),
                count(entries, Entry::incomplete), count(entries, e -> e.errors() > 0),
                count(entries, e -> e.copyPrior() || e.copyPeer()), missing.size());
        // The name as the reports' divisions give it (null when none resolved one): the page and the workbook say
        // which province, not only its code.
        String provinceName = reports.stream().map(ScorecardFacts::provinceName).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new Scorecard(provinceCode, provinceName, year, summary, entries, missing);
    }

    private static Entry entry(ScorecardFacts now, ScorecardFacts before) {
        Map<String, Long> changes = new LinkedHashMap<>();
        now.figures().forEach((figure, value) -> {
            Long earlier = before == null ? null : before.figures().get(figure);
            changes.put(figure, value == null || earlier == null ? null : value - earlier);
        });
        return new Entry(now.agencyKey(), now.agency(), now.reportId(), now.cityCode(), now.cityName(),
                now.countyCode(), now.countyName(), now.status(), now.publicationDate(), now.late(),
                now.sectionsFound(), now.cellsRead(), now.cellsExpected(), now.incomplete(), now.errors(),
                now.warnings(), now.copyPrior(), now.copyPeer(), now.revisions(),
                before == null ? null : before.status(), now.figures(), changes);
    }

    private static int count(List<Entry> entries, Predicate<Entry> test) {
        return (int) entries.stream().filter(test).count();
    }
}
