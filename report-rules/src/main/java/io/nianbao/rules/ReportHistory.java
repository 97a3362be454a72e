package io.nianbao.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.ParsedReport;

/**
 * The latest report seen per agency and year, whatever order the years came in: what the year-to-year rules
 * compare with; the sentences of all of them, for the copies across agencies; and their county, for a county
 * government's departments and towns (HIER-SUM). The holder decides where it
 * comes from (the check command's files, validate-service's compacted history topic); this class only indexes it.
 * Thread-safe.
 */
public final class ReportHistory {
    private static final int MAX_PEERS = 5;
    /** A sentence this many reports share is boilerplate: it tells no copy apart, and is not looked up. */
    private static final int BOILERPLATE = 1_000;

    private final Map<String, ParsedReport> latest = new HashMap<>();
    private final Map<String, Set<Long>> sentencesByEntry = new HashMap<>();
    private final Map<Long, Set<String>> entriesBySentence = new HashMap<>();
    private final Map<String, Set<String>> entriesByCountyYear = new HashMap<>();

    /** The key of an agency's report for a year: the agency key of the Kafka records, then the year. */
    public static String entryKey(String agencyKey, int year) {
        return agencyKey + "|" + year;
    }

    /** Keeps {@code report} as the agency's report for its year; a report without a year has no place in a chain. */
    public synchronized void record(String agencyKey, ParsedReport report) {
        if (report.getYear() == null) {
            return;
        }
        String key = entryKey(agencyKey, report.getYear());
        ParsedReport before = latest.put(key, report);
        if (before != null && countyYear(before) != null) {
            forget(entriesByCountyYear, countyYear(before), key);
        }
        if (countyYear(report) != null) {
            entriesByCountyYear.computeIfAbsent(countyYear(report), c -> new HashSet<>()).add(key);
        }
        Set<Long> replaced = sentencesByEntry.remove(key);
        if (replaced != null) {
            replaced.forEach(sentence -> forget(entriesBySentence, sentence, key));
        }
        Set<Long> sentences = TextFingerprint.of(report);
        if (!sentences.isEmpty()) {
            sentencesByEntry.put(key, sentences);
            sentences.forEach(sentence -> entriesBySentence.computeIfAbsent(sentence, s -> new HashSet<>()).add(key));
        }
    }

    /** Takes the entry out of an index, and the index's set with it once empty: a replaced entry leaves nothing. */
    private static <K> void forget(Map<K, Set<String>> index, K indexKey, String entryKey) {
        index.computeIfPresent(indexKey, (k, entries) -> {
            entries.remove(entryKey);
            return entries.isEmpty() ? null : entries;
        });
    }

        public synchronized ParsedReport find(String agencyKey, int year) {
        return latest.get(entryKey(agencyKey, year));
    }

    /**
     * The report's neighbours in the index; the same year's entry only when it is another report (the same one
     * again is a redelivery, not a revision); other agencies' reports that share sentences with it.
     */
    public synchronized History historyOf(String agencyKey, ParsedReport report) {
        Integer year = report.getYear();
        if (year == null) {
            return History.none();
        }
        ParsedReport sameYear = find(agencyKey, year);
        boolean other = sameYear != null && !sameYear.getReportId().equals(report.getReportId());
        return new History(find(agencyKey, year - 1), find(agencyKey, year + 1), other ? sameYear : null,
                peersOf(agencyKey, report), reports(partEntriesOf(agencyKey, report)));
    }

    /** Other agencies' reports whose prose is close to this one's: COPY-PEER's candidates. */
    public List<ParsedReport> peersOf(String agencyKey, ParsedReport report) {
        return reports(peerEntriesOf(agencyKey, report));
    }

    /**
     * Up to {@value #MAX_PEERS} reports of other agencies sharing more than half of the two reports' (non-boilerplate)
     * sentences, taken together, the most first: COPY-PEER's candidates, which it confirms on the whole texts.
     * Symmetric, as the rule's similarity is: of two copies, each is the other's candidate.
     */
    public synchronized List<Entry> peerEntriesOf(String agencyKey, ParsedReport report) {
        Set<Long> own = TextFingerprint.of(report);
        Map<String, Integer> shared = new HashMap<>();
        for (Long sentence : own) {
            Set<String> entries = entriesBySentence.getOrDefault(sentence, Set.of());
            if (entries.size() <= BOILERPLATE) {
                entries.stream().filter(key -> !agencyKeyOf(key).equals(agencyKey))
                        .forEach(key -> shared.merge(key, 1, Integer::sum));
            }
        }
        return shared.entrySet().stream()
                .filter(entry -> 4 * entry.getValue() > own.size() + sentencesByEntry.get(entry.getKey()).size())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PEERS)
                .map(entry -> new Entry(agencyKeyOf(entry.getKey()), latest.get(entry.getKey())))
                .toList();
    }

    /**
     * For a county's 本级政府 report, the same year's reports of other agencies resolved to the same county (its
     * departments and towns), by key; empty for any other report. HIER-SUM's parts.
     */
    public synchronized List<Entry> partEntriesOf(String agencyKey, ParsedReport report) {
        if (!HierarchySumRule.isCountyGovernment(report) || report.getYear() == null) {
            return List.of();
        }
        return entriesByCountyYear.getOrDefault(countyYear(report), Set.of()).stream().sorted()
                .map(key -> new Entry(agencyKeyOf(key), latest.get(key)))
                .filter(part -> isPartOf(part, agencyKey, report))
                .toList();
    }

    /** The county 本级政府 reports of the same year that {@code report}, a department's or town's, is a part of. */
    public synchronized List<Entry> countyGovernmentsOf(String agencyKey, ParsedReport report) {
        if (countyYear(report) == null) {
            return List.of();
        }
        return entriesByCountyYear.getOrDefault(countyYear(report), Set.of()).stream().sorted()
                .map(key -> new Entry(agencyKeyOf(key), latest.get(key)))
                .filter(county -> isPartOf(new Entry(agencyKey, report), county.agencyKey(), county.report()))
                .toList();
    }

    /**
     * The history of {@code kept}, another agency's report kept here, as it is once {@code report} is recorded for
     * {@code agencyKey}: {@code report} is among its peers if it nearly repeats it, among its parts if it is one, in
     * place of whatever that agency's same year held before. What a kept report that depends on {@code report} (its
     * copy, or its county's government) is judged again with when {@code report} arrives after it.
     */
    public synchronized History historyOnceRecorded(Entry kept, String agencyKey, ParsedReport report) {
        History now = historyOf(kept.agencyKey(), kept.report());
        String replaced = entryKey(agencyKey, report.getYear());
        List<ParsedReport> peers = new ArrayList<>();
        if (CopyPeerRule.nearIdentical(kept.report(), report)) {
            peers.add(report);
        }
        peers.addAll(reports(without(peerEntriesOf(kept.agencyKey(), kept.report()), replaced)));
        List<ParsedReport> parts =
                new ArrayList<>(reports(without(partEntriesOf(kept.agencyKey(), kept.report()), replaced)));
        if (isPartOf(new Entry(agencyKey, report), kept.agencyKey(), kept.report())) {
            parts.add(report);
        }
        return new History(now.previousYear(), now.nextYear(), now.sameYearPrevious(), peers, parts);
    }

    private static boolean isPartOf(Entry part, String countyKey, ParsedReport county) {
        return !part.agencyKey().equals(countyKey) && HierarchySumRule.isCountyGovernment(county)
                && !HierarchySumRule.isCountyGovernment(part.report()) && countyYear(part.report()) != null
                && countyYear(part.report()).equals(countyYear(county));
    }

    /** The county code and year a report is indexed under; null without either. */
    private static String countyYear(ParsedReport report) {
        String county = report.getDivision() == null ? null : report.getDivision().getCountyCode();
        return county == null || report.getYear() == null ? null : county + "|" + report.getYear();
    }

    private static List<Entry> without(List<Entry> entries, String replacedKey) {
        return entries.stream()
                .filter(entry -> !entryKey(entry.agencyKey(), entry.report().getYear()).equals(replacedKey)).toList();
    }

    private static List<ParsedReport> reports(List<Entry> entries) {
        return entries.stream().map(Entry::report).toList();
    }

    private static String agencyKeyOf(String entryKey) {
        return entryKey.substring(0, entryKey.lastIndexOf('|'));
    }

    /** A report as the history keeps it: under the agency key of its Kafka records. */
    public record Entry(String agencyKey, ParsedReport report) {
    }
}
