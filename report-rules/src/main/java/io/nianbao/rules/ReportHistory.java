package io.nianbao.rules;

import java.util.ArrayList;
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

    /** Other agencies' reports whose prose is close to this one's: COPY-PEER's candidates. */
    public List<ParsedReport> peersOf(String agencyKey, ParsedReport report) {
        return peerEntriesOf(agencyKey, report).stream().map(Entry::report).toList();
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
     * The history of {@code copy}, another agency's report kept here, as it is once {@code report} is recorded for
     * {@code agencyKey}: {@code report} is among its peers, in place of whatever that agency's same year held before.
     * A report that arrives after its copy does not leave the copy unflagged: the copy is judged again with this.
     */
    public synchronized History historyOfCopy(Entry copy, String agencyKey, ParsedReport report) {
        History own = historyOf(copy.agencyKey(), copy.report());
        String replaced = entryKey(agencyKey, report.getYear());
        List<ParsedReport> peers = new ArrayList<>(List.of(report));
        peerEntriesOf(copy.agencyKey(), copy.report()).stream()
                .filter(peer -> !entryKey(peer.agencyKey(), peer.report().getYear()).equals(replaced))
                .forEach(peer -> peers.add(peer.report()));
        return new History(own.previousYear(), own.nextYear(), own.sameYearPrevious(), peers);
    }

    private static String agencyKeyOf(String entryKey) {
        return entryKey.substring(0, entryKey.lastIndexOf('|'));
    }

    /** A report as the history keeps it: under the agency key of its Kafka records. */
    public record Entry(String agencyKey, ParsedReport report) {
    }
}
