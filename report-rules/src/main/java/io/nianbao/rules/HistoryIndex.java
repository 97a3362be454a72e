package io.nianbao.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.ParsedReport;

/**
 * What the year-to-year and cross-report rules compare a report with, looked up in the reports kept so far: the
 * agency's other years, the copies among other agencies' reports, a county government's departments and towns
 * (HIER-SUM), and the kept reports whose verdict a new report changes. Where the reports are kept is the
 * subclass's: {@link ReportHistory} on the heap (the check command), validate-service's partitioned state stores.
 * <p>
 * Entry keys are {@code <agency key>|<year>}, the agency key being the key of the report's Kafka records.
 */
public abstract class HistoryIndex {
    /** At most this many peers are compared with a report. */
    public static final int MAX_PEERS = 5;
    /** A sentence more reports than this share is boilerplate: it tells no copy apart, and is not looked up. */
    public static final int BOILERPLATE = 1_000;

    /**
     * While {@link #withLookupsKept} runs, the peers found for each report asked about, by agency key and the very
     * report object; null otherwise.
     */
    private Map<Asked, List<Entry>> keptPeerEntries;
    private Map<Asked, List<FingerprintPeer>> keptFingerprintPeers;
    /** While {@link #withLookupsKept} runs, the reports read, by entry key (null for none kept); null otherwise. */
    private Map<String, ParsedReport> keptReports;

    /** The key of an agency's report for a year: the agency key of the Kafka records, then the year. */
    public static String entryKey(String agencyKey, int year) {
        return agencyKey + "|" + year;
    }

    public static String agencyKeyOf(String entryKey) {
        return entryKey.substring(0, entryKey.lastIndexOf('|'));
    }

    public static int yearOf(String entryKey) {
        return Integer.parseInt(entryKey.substring(entryKey.lastIndexOf('|') + 1));
    }

    /** The county code and year a report is indexed under; null without either. */
    protected static String countyYear(ParsedReport report) {
        String county = report.getDivision() == null ? null : report.getDivision().getCountyCode();
        return county == null || report.getYear() == null ? null : county + "|" + report.getYear();
    }

    /** The report kept under the entry key; null when none is. */
    protected abstract ParsedReport reportAt(String entryKey);

    /** How many kept reports hold the sentence. */
    protected abstract int holderCount(long sentence);

    /** The entries holding the sentence, each with its number of sentences. */
    protected abstract Map<String, Integer> holdersOf(long sentence);

    /** Whether the entry's fingerprint holds the sentence. */
    protected abstract boolean holds(String entryKey, long sentence);

    /**
     * The entries kept for a county and year ({@link #countyYear}), in their keys' order, each with its
     * {@link HierarchySumRule#figuresOf figures}: kept with the entry, so that they are known without reading it.
     */
    protected abstract Map<String, CountyFigures> countyYearEntries(String countyYear);

    /**
     * Other agencies' reports kept elsewhere, known here only by their fingerprints, that are COPY-PEER's
     * candidates (as {@link #isCandidate} selects them); none unless the subclass reaches beyond what it keeps.
     */
    protected List<FingerprintPeer> fingerprintPeersOf(String agencyKey, ParsedReport report) {
        return List.of();
    }

    /**
     * Whether a report sharing {@code shared} (non-boilerplate) sentences with another is COPY-PEER's candidate:
     * more than half of the two fingerprints' sentences ({@code own}, {@code theirs}) taken together are shared.
     */
    public static boolean isCandidate(int shared, int own, int theirs) {
        return 4 * shared > own + theirs;
    }

    /**
     * Runs {@code work} with the peers and reports it looks up kept and reused: judging one report asks for the
     * same report's peers several times (for its own history, for its dependents, in theirs), each time a scan of
     * the index of every sentence of its prose, and reads the same reports for the report and for its dependents,
     * each a decoding of a whole report. The history must not change while {@code work} runs; nothing is kept after
     * it.
     */
    public synchronized <T> T withLookupsKept(Supplier<T> work) {
        keptPeerEntries = new HashMap<>();
        keptFingerprintPeers = new HashMap<>();
        keptReports = new HashMap<>();
        try {
            return work.get();
        } finally {
            keptPeerEntries = null;
            keptFingerprintPeers = null;
            keptReports = null;
        }
    }

    public synchronized ParsedReport find(String agencyKey, int year) {
        return kept(entryKey(agencyKey, year));
    }

    /** The report kept under the entry key, read once while lookups are kept. */
    private ParsedReport kept(String entryKey) {
        if (keptReports == null) {
            return reportAt(entryKey);
        }
        if (!keptReports.containsKey(entryKey)) {
            keptReports.put(entryKey, reportAt(entryKey));
        }
        return keptReports.get(entryKey);
    }

    /**
     * The report's neighbours: the agency's years before and after; the same year's entry only when it is another
     * report (the same one again is a redelivery, not a revision); its peers and, for a county government, parts.
     */
    public History historyOf(String agencyKey, ParsedReport report) {
        return historyOf(agencyKey, report, History.Part.ALL);
    }

    /** {@link #historyOf(String, ParsedReport)} with only the parts named looked up, the others null or empty. */
    public synchronized History historyOf(String agencyKey, ParsedReport report, Set<History.Part> parts) {
        Integer year = report.getYear();
        if (year == null) {
            return History.none();
        }
        ParsedReport sameYear = parts.contains(History.Part.SAME_YEAR_PREVIOUS) ? find(agencyKey, year) : null;
        boolean other = sameYear != null && !sameYear.getReportId().equals(report.getReportId());
        List<FingerprintPeer> fingerprintPeers = !parts.contains(History.Part.FINGERPRINT_PEERS) ? List.of()
                : keptFingerprintPeers == null ? fingerprintPeersOf(agencyKey, report)
                        : keptFingerprintPeers.computeIfAbsent(new Asked(agencyKey, report),
                                asked -> fingerprintPeersOf(agencyKey, report));
        return new History(parts.contains(History.Part.PREVIOUS_YEAR) ? find(agencyKey, year - 1) : null,
                parts.contains(History.Part.NEXT_YEAR) ? find(agencyKey, year + 1) : null, other ? sameYear : null,
                parts.contains(History.Part.PEERS) ? peersOf(agencyKey, report) : List.of(),
                parts.contains(History.Part.PARTS) ? List.copyOf(partsOf(agencyKey, report).values()) : List.of(),
                fingerprintPeers);
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
        return keptPeerEntries == null ? lookUpPeerEntries(agencyKey, report)
                : keptPeerEntries.computeIfAbsent(new Asked(agencyKey, report),
                        asked -> lookUpPeerEntries(agencyKey, report));
    }

    /**
     * The kept reports sharing the most of the report's (non-boilerplate) sentences, counted exactly, though only
     * those {@link #toScan} names are scanned for holders: a holder found is asked whether it holds the others.
     */
    private List<Entry> lookUpPeerEntries(String agencyKey, ParsedReport report) {
        Set<Long> own = TextFingerprint.of(report);
        // A sentence no kept report holds (most of a report's own wording) is not looked up either.
        List<HeldSentence> held = new ArrayList<>();
        for (Long sentence : own) {
            int holders = holderCount(sentence);
            if (holders > 0 && holders <= BOILERPLATE) {
                held.add(new HeldSentence(sentence, holders));
            }
        }
        int scanned = toScan(held, own.size());
        Map<String, Integer> shared = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (HeldSentence sentence : held.subList(0, scanned)) {
            holdersOf(sentence.sentence()).forEach((key, size) -> {
                if (!agencyKeyOf(key).equals(agencyKey)) {
                    shared.merge(key, 1, Integer::sum);
                    sizes.put(key, size);
                }
            });
        }
        List<HeldSentence> notScanned = held.subList(scanned, held.size());
        // Only a holder that would be a candidate if it held all the others is asked about them.
        shared.replaceAll((key, count) -> isCandidate(count + notScanned.size(), own.size(), sizes.get(key))
                ? count + (int) notScanned.stream().filter(sentence -> holds(key, sentence.sentence())).count() : count);
        return shared.entrySet().stream()
                .filter(entry -> isCandidate(entry.getValue(), own.size(), sizes.get(entry.getKey())))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PEERS)
                .map(entry -> new Entry(agencyKeyOf(entry.getKey()), kept(entry.getKey())))
                .toList();
    }

    /**
     * How many of a report's sentences held in an index ({@code held}: not boilerplate, each with its holder count)
     * must be scanned for holders to find every COPY-PEER candidate, having put the fewest-held first. A candidate
     * shares more than a third of the report's {@code own} sentences ({@link #isCandidate}, its fingerprint holding
     * at least the shared ones), so it holds one of any {@code held - ⌊own/3⌋} of them: the most-held, the dearest
     * to scan, need not be; whether a holder found holds them is asked of it instead.
     */
    public static int toScan(List<HeldSentence> held, int own) {
        held.sort(Comparator.comparingInt(HeldSentence::holders).thenComparingLong(HeldSentence::sentence));
        return Math.max(0, held.size() - own / 3);
    }

    /**
     * Whether a holder found sharing {@code sharedScanned} of the scanned sentences could be a candidate if it held
     * all {@code notScanned} others too, its own number of sentences not known: else it is not asked about them.
     */
    public static boolean couldBeCandidate(int sharedScanned, int notScanned, int own) {
        return 3 * (sharedScanned + notScanned) > own;
    }

    /** A report's sentence as an index holds it: its hash, and how many kept reports hold it. */
    public record HeldSentence(long sentence, int holders) {
    }

    /**
     * For a county's 本级政府 report, the same year's reports of other agencies resolved to the same county (its
     * departments and towns), by entry key, as HIER-SUM adds them up; empty for any other report. Read off the
     * county-year's index alone: the parts' reports are not read.
     */
    public synchronized Map<String, CountyFigures> partsOf(String agencyKey, ParsedReport report) {
        if (!HierarchySumRule.isCountyGovernment(report) || countyYear(report) == null) {
            return Map.of();
        }
        Map<String, CountyFigures> parts = new LinkedHashMap<>();
        countyYearEntries(countyYear(report)).forEach((key, figures) -> {
            if (!figures.countyGovernment() && !agencyKeyOf(key).equals(agencyKey)) {
                parts.put(key, figures);
            }
        });
        return parts;
    }

    /** The county 本级政府 reports of the same year that {@code report}, a department's or town's, is a part of. */
    public synchronized List<Entry> countyGovernmentsOf(String agencyKey, ParsedReport report) {
        if (HierarchySumRule.isCountyGovernment(report) || countyYear(report) == null) {
            return List.of();
        }
        List<Entry> counties = new ArrayList<>();
        countyYearEntries(countyYear(report)).forEach((key, figures) -> {
            if (figures.countyGovernment() && !agencyKeyOf(key).equals(agencyKey)) {
                counties.add(new Entry(agencyKeyOf(key), kept(key)));
            }
        });
        return counties;
    }

    /**
     * The reports kept here that {@code report} changes the verdict of: the agency's next year, when it arrived
     * first (its year before changes); other agencies' reports whose prose it nearly repeats (COPY-PEER flags both
     * copies: their peers change) and its county's 本级政府 report when it is one of the county's departments or
     * towns (HIER-SUM: its parts change); each to be judged again with {@link #historyOnceRecorded}. None for a
     * report without a year.
     */
    public synchronized List<Dependent> dependentsOf(String agencyKey, ParsedReport report) {
        if (report.getYear() == null) {
            return List.of();
        }
        Map<Entry, Set<History.Part>> dependents = new LinkedHashMap<>();
        ParsedReport nextYear = find(agencyKey, report.getYear() + 1);
        if (nextYear != null) {
            dependents.put(new Entry(agencyKey, nextYear), EnumSet.of(History.Part.PREVIOUS_YEAR));
        }
        peerEntriesOf(agencyKey, report).stream()
                .filter(peer -> CopyPeerRule.nearIdentical(report, peer.report()))
                .forEach(copy -> dependents.computeIfAbsent(copy, changed -> EnumSet.noneOf(History.Part.class))
                        .add(History.Part.PEERS));
        countyGovernmentsOf(agencyKey, report)
                .forEach(county -> dependents.computeIfAbsent(county, changed -> EnumSet.noneOf(History.Part.class))
                        .add(History.Part.PARTS));
        return dependents.entrySet().stream().map(dependent -> new Dependent(dependent.getKey(), dependent.getValue()))
                .toList();
    }

    /** {@link #historyOnceRecorded(Entry, String, ParsedReport, Set)} with every part looked up. */
    public History historyOnceRecorded(Entry kept, String agencyKey, ParsedReport report) {
        return historyOnceRecorded(kept, agencyKey, report, History.Part.ALL);
    }

    /**
     * The history of {@code kept}, a report kept here, as it is once {@code report} is recorded for
     * {@code agencyKey}, in place of whatever that agency's same year held before: {@code report} is its year before
     * if it is the agency's next year, among its peers if it nearly repeats it, among its parts if it is one. Only
     * the parts named are looked up, the others null or empty.
     */
    public synchronized History historyOnceRecorded(Entry kept, String agencyKey, ParsedReport report,
            Set<History.Part> parts) {
        Set<History.Part> unchanged = EnumSet.noneOf(History.Part.class);
        unchanged.addAll(parts);
        unchanged.removeAll(Set.of(History.Part.PEERS, History.Part.PARTS));
        History now = historyOf(kept.agencyKey(), kept.report(), unchanged);
        boolean itsYearBefore = kept.agencyKey().equals(agencyKey) && report.getYear() != null
                && kept.report().getYear() != null && kept.report().getYear() == report.getYear() + 1;
        ParsedReport previousYear = itsYearBefore && parts.contains(History.Part.PREVIOUS_YEAR) ? report
                : now.previousYear();
        String replaced = entryKey(agencyKey, report.getYear());
        List<ParsedReport> peers = new ArrayList<>();
        if (parts.contains(History.Part.PEERS)) {
            if (!kept.agencyKey().equals(agencyKey) && CopyPeerRule.nearIdentical(kept.report(), report)) {
                peers.add(report);
            }
            peers.addAll(reports(without(peerEntriesOf(kept.agencyKey(), kept.report()), replaced)));
        }
        Map<String, CountyFigures> counted = new LinkedHashMap<>();
        if (parts.contains(History.Part.PARTS)) {
            counted.putAll(partsOf(kept.agencyKey(), kept.report()));
            counted.remove(replaced);
            if (isPartOf(new Entry(agencyKey, report), kept.agencyKey(), kept.report())) {
                counted.put(replaced, HierarchySumRule.figuresOf(report));
            }
        }
        return new History(previousYear, now.nextYear(), now.sameYearPrevious(), peers,
                List.copyOf(counted.values()), now.fingerprintPeers());
    }

    private static boolean isPartOf(Entry part, String countyKey, ParsedReport county) {
        return !part.agencyKey().equals(countyKey) && HierarchySumRule.isCountyGovernment(county)
                && !HierarchySumRule.isCountyGovernment(part.report()) && countyYear(part.report()) != null
                && countyYear(part.report()).equals(countyYear(county));
    }

    private static List<Entry> without(List<Entry> entries, String replacedKey) {
        return entries.stream()
                .filter(entry -> !entryKey(entry.agencyKey(), entry.report().getYear()).equals(replacedKey)).toList();
    }

    private static List<ParsedReport> reports(List<Entry> entries) {
        return entries.stream().map(Entry::report).toList();
    }

    /**
     * A lookup's question: the report object itself, not an equal one (a report decoded from the history is
     * another object each time, and two reports with one id may differ: a parse by a newer parser).
     */
    private record Asked(String agencyKey, ParsedReport report) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Asked asked && asked.agencyKey.equals(agencyKey) && asked.report == report;
        }

        @Override
        public int hashCode() {
            return 31 * agencyKey.hashCode() + System.identityHashCode(report);
        }
    }

    /** A report as the history keeps it: under the agency key of its Kafka records. */
    public record Entry(String agencyKey, ParsedReport report) {
    }

    /** A kept report whose verdict an arrival changes, and the parts of its history that change with it. */
    public record Dependent(Entry entry, Set<History.Part> changed) {
        public Dependent {
            changed = Set.copyOf(changed);
        }
    }
}
