package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.rules.History;
import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The prose is near-identical ({@value CopyPriorRule#MIN_SIMILARITY} or more, as COPY-PRIOR measures it) to
 * another agency's report: copied across agencies or regions. The candidates come from the history's text
 * fingerprints ({@link History#peers()}); the texts themselves decide.
 */
public final class CopyPeerRule implements Rule {
    public static final String ID = "COPY-PEER";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        return List.of();
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        String own = Prose.narrative(report);
        if (own == null) {
            return List.of();
        }
        String text = Prose.compact(own);
        List<Finding> findings = new ArrayList<>();
        for (ParsedReport peer : history.peers()) {
            String theirs = Prose.narrative(peer);
            if (theirs == null || peer.getReportId().equals(report.getReportId())) {
                continue;
            }
            double similarity = CopyPriorRule.similarity(text, Prose.compact(theirs));
            if (similarity >= CopyPriorRule.MIN_SIMILARITY) {
                String percent = Math.round(similarity * 100) + "%";
                String other = peer.getAgency() + " " + peer.getYear();
                findings.add(Findings.failed(this, Prose.NARRATIVE_CELLS, "own text", other + " (" + peer.getReportId() + ")",
                        "正文与" + peer.getAgency() + peer.getYear() + "年度报告 " + percent + " 相同，疑照搬其他机关报告",
                        "The text is " + percent + " identical to the report of " + other + ": copied from another agency"));
            }
        }
        return findings;
    }
}
