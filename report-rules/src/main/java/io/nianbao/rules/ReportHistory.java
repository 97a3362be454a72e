package io.nianbao.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.ParsedReport;

/**
 * The latest report seen per agency and year, whatever order the years came in: what the year-to-year rules
 * compare with; and the sentences of all of them, for the copies across agencies. The holder decides where it
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
        latest.put(key, report);
        Set<Long> replaced = sentencesByEntry.remove(key);
        if (replaced != null) {
            replaced.forEach(sentence -> entriesBySentence.getOrDefault(sentence, new HashSet<>()).remove(key));
        }
        Set<Long> sentences = TextFingerprint.of(report);
        if (!sentences.isEmpty()) {
            sentencesByEntry.put(key, sentences);
            sentences.forEach(sentence -> entriesBySentence.computeIfAbsent(sentence, s -> new HashSet<>()).add(key));
        }
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
                peersOf(agencyKey, report));
    }

    /**
     * Up to {@value #MAX_PEERS} reports of other agencies sharing more than half of this one's (non-boilerplate)
     * sentences, the most first: COPY-PEER's candidates, which it confirms on the whole texts.
     */
    public synchronized List<ParsedReport> peersOf(String agencyKey, ParsedReport report) {
        Set<Long> own = TextFingerprint.of(report);
        Map<String, Integer> shared = new HashMap<>();
        for (Long sentence : own) {
            Set<String> entries = entriesBySentence.getOrDefault(sentence, Set.of());
            if (entries.size() <= BOILERPLATE) {
                entries.stream().filter(key -> !key.substring(0, key.lastIndexOf('|')).equals(agencyKey))
                        .forEach(key -> shared.merge(key, 1, Integer::sum));
            }
        }
        return shared.entrySet().stream()
                .filter(entry -> 2 * entry.getValue() > own.size())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PEERS)
                .map(entry -> latest.get(entry.getKey()))
                .toList();
    }
}
