package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

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
 */
public final class CopyPeerRule extends CatalogueRule {
    public static final String ID = "COPY-PEER";

    public CopyPeerRule() {
        super(ID, Severity.INFO);
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
                String percent = Math.round(similarity * 100) + "%";
                String other = peer.getAgency() + " " + peer.getYear();
                findings.add(Findings.failed(this, ReportProse.NARRATIVE_CELLS, "own text", other + " (" + peer.getReportId() + ")",
                        "正文与" + peer.getAgency() + peer.getYear() + "年度报告 " + percent + " 相同，两份报告疑有一份照搬另一份",
                        "The text is " + percent + " identical to the report of " + other
                                + ": one of the two agencies copied the other"));
            }
        }
        return findings;
    }

    /** Whether two different reports' prose is near-identical: what this rule flags, on both of them. */
    public static boolean nearIdentical(ParsedReport a, ParsedReport b) {
        return similarity(a, b) >= CopyPriorRule.MIN_SIMILARITY;
    }

    /** 0 for the same report, or when either has no prose beyond the boilerplate every report shares. */
    private static double similarity(ParsedReport a, ParsedReport b) {
        String one = ReportProse.narrative(a);
        String other = ReportProse.narrative(b);
        if (one == null || other == null || a.getReportId().equals(b.getReportId())) {
            return 0;
        }
        String compactOne = ReportProse.compact(one);
        String compactOther = ReportProse.compact(other);
        if (Math.min(compactOne.length(), compactOther.length()) < CopyPriorRule.MIN_CHARS) {
            return 0;
        }
        return CopyPriorRule.similarity(compactOne, compactOther);
    }
}
