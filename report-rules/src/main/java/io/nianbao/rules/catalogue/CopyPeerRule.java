package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nianbao.rules.FingerprintPeer;
import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The prose is near-identical ({@value CopyPriorRule#MIN_SIMILARITY} or more, as COPY-PRIOR measures it) to
 * another agency's report: copied across agencies or regions. The candidates come from the history's text
 * fingerprints ({@link History#peers()}); the texts themselves decide.
 * <p>
 * Both copies are flagged, not only the one that arrived second: which of two agencies copied the other cannot be
 * told from the texts, nor from the order they reached us in. The check is symmetric (the similarity and the
 * candidates' selection are), and whoever holds the history judges a report's earlier-arrived copies again once it
 * arrives ({@link #nearIdentical}).
 * <p>
 * A peer kept where its text cannot be read (validate-service: another partition) is known by its fingerprint only
 * ({@link History#fingerprintPeers()}); the same threshold then applies to {@link #fingerprintSimilarity}.
 */
public final class CopyPeerRule extends CatalogueRule {
    public static final String ID = "COPY-PEER";

    public CopyPeerRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.PEERS, History.Part.FINGERPRINT_PEERS);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        return List.of();
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        List<Finding> findings = new ArrayList<>();
        for (ParsedReport peer : history.peers()) {
            double similarity = similarity(report, peer);
            if (similarity >= CopyPriorRule.MIN_SIMILARITY) {
                findings.add(copied(peer.getAgency(), peer.getYear(), peer.getReportId(), similarity));
            }
        }
        for (FingerprintPeer peer : history.fingerprintPeers()) {
            if (isCopy(report, peer)) {
                findings.add(copied(peer.agency(), peer.year(), peer.reportId(), peer.similarity()));
            }
        }
        return findings;
    }

    /**
     * Whether the report kept elsewhere is a near-identical copy of this one: what this rule flags on this report,
     * and what makes the other one's keeper judge it again.
     */
    public static boolean isCopy(ParsedReport report, FingerprintPeer peer) {
        return peer.similarity() >= CopyPriorRule.MIN_SIMILARITY && !peer.reportId().equals(report.getReportId());
    }

    private Finding copied(String agency, Integer year, String reportId, double similarity) {
        String percent = Math.round(similarity * 100) + "%";
        String other = agency + " " + year;
        return Findings.failed(this, ReportProse.NARRATIVE_CELLS, "own text", other + " (" + reportId + ")",
                "正文与" + agency + year + "年度报告 " + percent + " 相同，两份报告疑有一份照搬另一份",
                "The text is " + percent + " identical to the report of " + other
                        + ": one of the two agencies copied the other");
    }

    /**
     * The similarity of two reports known by their fingerprints: the Dice coefficient the texts are compared with
     * ({@link #nearIdentical}), over sentences weighed by their characters instead of character bigrams — twice the
     * characters of the sentences both hold over the characters of both fingerprints. Identical prose scores 1, as
     * on the texts; but an edit costs its whole sentence here, so it is stricter than the texts' measure: a copy
     * that renamed the agency in every sentence is no copy by this measure, while its text is still 90% alike.
     *
     * @param own         the report's {@link TextFingerprint#sentences}
     * @param shared      those of its sentences the other fingerprint holds too
     * @param otherChars  the characters of the other fingerprint's sentences, together
     */
    public static double fingerprintSimilarity(Map<Long, Integer> own, Set<Long> shared, int otherChars) {
        int ownChars = own.values().stream().mapToInt(Integer::intValue).sum();
        if (ownChars == 0 || otherChars == 0) {
            return 0;
        }
        int sharedChars = shared.stream().mapToInt(own::get).sum();
        return 2.0 * sharedChars / (ownChars + otherChars);
    }

    /** Whether two different reports' prose is near-identical: what this rule flags, on both of them. */
    public static boolean nearIdentical(ParsedReport a, ParsedReport b) {
        return similarity(a, b) >= CopyPriorRule.MIN_SIMILARITY;
    }

    /** 0 for the same report, or when either has no prose beyond the boilerplate every report shares. */
    private static double similarity(ParsedReport a, ParsedReport b) {
        ProseMemo.Prose one = ProseMemo.of(a);
        ProseMemo.Prose other = ProseMemo.of(b);
        if (one.compact == null || other.compact == null || a.getReportId().equals(b.getReportId())
                || Math.min(one.compact.length(), other.compact.length()) < CopyPriorRule.MIN_CHARS) {
            return 0;
        }
        return CopyPriorRule.similarity(one, other);
    }
}
