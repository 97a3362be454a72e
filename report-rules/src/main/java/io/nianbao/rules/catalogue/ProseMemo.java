package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;

/**
 * What the copy rules derive from a report's prose — its compact text, the text's sorted character bigrams, its
 * fingerprint — derived once per report object and reused: judging one report compares it with its year before
 * and each of its peers, looks its fingerprint up in the history and records it there, and judges the reports it
 * changes again, each time from the same report objects (about a quarter of validate-service's judging went to
 * deriving them again: BENCHMARKS "One fingerprint record a report, the prose derived once…").
 * <p>
 * Kept per thread for the most recent reports, by object identity (a report's {@code equals} reads all of it),
 * and only while the report's narrative is the very one it was derived from: a report whose narrative is set
 * anew is derived anew.
 */
final class ProseMemo {
    /** More than one judging asks about: the report, its year before, its peers and the reports it changes. */
    private static final int RECENT = 64;
    private static final ThreadLocal<Map<Identity, Prose>> MEMO = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(2 * RECENT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Identity, Prose> eldest) {
                    return size() > RECENT;
                }
            });

    private ProseMemo() {
    }

    static Prose of(ParsedReport report) {
        Map<Identity, Prose> memo = MEMO.get();
        Identity key = new Identity(report);
        Prose prose = memo.get(key);
        if (prose == null || !prose.derivedFrom(report.getNarrative())) {
            prose = new Prose(report.getNarrative(), ReportProse.narrative(report));
            memo.put(key, prose);
        }
        return prose;
    }

    /** A report's prose and what is derived from it, each the first time it is asked for. */
    static final class Prose {
        private final Narrative narrative;
        private final String overview;
        private final String problems;
        private final String otherMatters;
        /** The narrative ({@link ReportProse#narrative}); null when none was read. */
        final String text;
        /** The narrative without whitespace; null when none was read. */
        final String compact;
        private int[] bigrams;
        private Map<Long, Integer> fingerprint;

        private Prose(Narrative narrative, String text) {
            this.narrative = narrative;
            this.overview = narrative == null ? null : narrative.getOverview();
            this.problems = narrative == null ? null : narrative.getProblems();
            this.otherMatters = narrative == null ? null : narrative.getOtherMatters();
            this.text = text;
            this.compact = text == null ? null : ReportProse.compact(text);
        }

        private boolean derivedFrom(Narrative current) {
            return current == narrative && (current == null || current.getOverview() == overview
                    && current.getProblems() == problems && current.getOtherMatters() == otherMatters);
        }

        /** The compact text's character bigrams, each one int (its two UTF-16 units), sorted. */
        int[] sortedBigrams() {
            if (bigrams == null) {
                bigrams = ProseMemo.sortedBigrams(compact);
            }
            return bigrams;
        }

        /** {@link TextFingerprint#sentences}: not to be changed by the caller. */
        Map<Long, Integer> fingerprint() {
            if (fingerprint == null) {
                fingerprint = TextFingerprint.derive(text, compact);
            }
            return fingerprint;
        }
    }

    static int[] sortedBigrams(String text) {
        int[] bigrams = new int[Math.max(0, text.length() - 1)];
        for (int i = 0; i < bigrams.length; i++) {
            bigrams[i] = text.charAt(i) << 16 | text.charAt(i + 1);
        }
        Arrays.sort(bigrams);
        return bigrams;
    }

    /** A report as a key by its identity. */
    private record Identity(ParsedReport report) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.report == report;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(report);
        }
    }
}
