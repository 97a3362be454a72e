package io.nianbao.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.nianbao.schema.ParsedReport;

/**
 * The reports a year-to-year or cross-report rule compares with; each null (or empty) when not (yet) known. Kept
 * outside the engine so the engine stays pure: whoever holds the history (validate-service, the check command)
 * looks the reports up and passes them in.
 *
 * @param previousYear     the agency's report for year − 1
 * @param nextYear         the agency's report for year + 1
 * @param sameYearPrevious an earlier report of the same agency and year (a revision when its content differs)
 * @param peers            other agencies' reports whose text fingerprint is close to this report's
 * @param parts            for a county's 本级政府 report, the same year's reports of the county's departments and
 *                         towns, as HIER-SUM adds them up; else empty
 * @param fingerprintPeers other agencies' reports kept elsewhere, known only by their text fingerprints, whose
 *                         fingerprint is close to this report's (COPY-PEER across partitions); else empty
 */
public record History(ParsedReport previousYear, ParsedReport nextYear, ParsedReport sameYearPrevious,
        List<ParsedReport> peers, List<CountyFigures> parts, List<FingerprintPeer> fingerprintPeers) {

    public History {
        peers = List.copyOf(peers);
        parts = List.copyOf(parts);
        fingerprintPeers = List.copyOf(fingerprintPeers);
    }

    /** Without peers known only by their fingerprints. */
    public History(ParsedReport previousYear, ParsedReport nextYear, ParsedReport sameYearPrevious,
            List<ParsedReport> peers, List<CountyFigures> parts) {
        this(previousYear, nextYear, sameYearPrevious, peers, parts, List.of());
    }

    /** Without parts. */
    public History(ParsedReport previousYear, ParsedReport nextYear, ParsedReport sameYearPrevious,
            List<ParsedReport> peers) {
        this(previousYear, nextYear, sameYearPrevious, peers, List.of());
    }

    /** Without peers. */
    public History(ParsedReport previousYear, ParsedReport nextYear, ParsedReport sameYearPrevious) {
        this(previousYear, nextYear, sameYearPrevious, List.of());
    }

    public static History none() {
        return new History(null, null, null);
    }

    /**
     * This history with {@code peer} among its fingerprint peers, unless one of them is its report already: a copy
     * known from its keeper's message before the global index shows it.
     */
    public History withFingerprintPeer(FingerprintPeer peer) {
        if (fingerprintPeers.stream().anyMatch(known -> known.reportId().equals(peer.reportId()))) {
            return this;
        }
        List<FingerprintPeer> withPeer = new ArrayList<>(fingerprintPeers);
        withPeer.add(peer);
        return new History(previousYear, nextYear, sameYearPrevious, peers, parts, withPeer);
    }

    /**
     * A component of a history: what a rule declares it reads ({@link Rule#reads}), and what changes for a kept
     * report when another arrives, so that judging it again takes only the rules that read what changed.
     */
    public enum Part {
        PREVIOUS_YEAR, NEXT_YEAR, SAME_YEAR_PREVIOUS, PEERS, PARTS, FINGERPRINT_PEERS;

        public static final Set<Part> ALL = Set.of(values());
    }
}
