package io.nianbao.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.ParsedReport;

/**
 * The latest report seen per agency and year, whatever order the years came in, on the heap: what the check
 * command compares its files with. Its holder decides where the reports come from; this class only indexes them
 * (the sentences of all of them, for the copies across agencies; their county, for a county government's
 * departments and towns). Thread-safe.
 */
public final class ReportHistory extends HistoryIndex {
    private final Map<String, ParsedReport> latest = new HashMap<>();
    private final Map<String, Set<Long>> sentencesByEntry = new HashMap<>();
    private final Map<Long, Set<String>> entriesBySentence = new HashMap<>();
    private final Map<String, Set<String>> entriesByCountyYear = new HashMap<>();

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

    @Override
    protected ParsedReport reportAt(String entryKey) {
        return latest.get(entryKey);
    }

    @Override
    protected int holderCount(long sentence) {
        return entriesBySentence.getOrDefault(sentence, Set.of()).size();
    }

    @Override
    protected Map<String, Integer> holdersOf(long sentence) {
        return entriesBySentence.getOrDefault(sentence, Set.of()).stream()
                .collect(Collectors.toMap(key -> key, key -> sentencesByEntry.get(key).size()));
    }

    @Override
    protected boolean holds(String entryKey, long sentence) {
        return sentencesByEntry.getOrDefault(entryKey, Set.of()).contains(sentence);
    }

    @Override
    protected Map<String, CountyFigures> countyYearEntries(String countyYear) {
        Map<String, CountyFigures> entries = new LinkedHashMap<>();
        entriesByCountyYear.getOrDefault(countyYear, Set.of()).stream().sorted()
                .forEach(key -> entries.put(key, HierarchySumRule.figuresOf(latest.get(key))));
        return entries;
    }
}
