package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.nianbao.rules.History;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** 2021 template: 现行有效(t) = 现行有效(t−1) + 制发(t) − 废止(t), for 规章 and 规范性文件. */
public final class InForceChainRule extends YearToYearRule {
    public static final String ID = "S2-INFORCE-CHAIN";

    public InForceChainRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.PREVIOUS_YEAR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        ParsedReport previous = history.previousYear();
        if (previous == null || !"2021".equals(report.getTemplate()) || !"2021".equals(previous.getTemplate())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        check(findings, report, previous, "active.regulations", ActiveDisclosure::getRegulations);
        check(findings, report, previous, "active.normativeDocuments", ActiveDisclosure::getNormativeDocuments);
        return findings;
    }

    private void check(List<Finding> findings, ParsedReport report, ParsedReport previous, String path,
            Function<ActiveDisclosure, DocumentCounts> row) {
        DocumentCounts now = report.getActive() == null ? null : row.apply(report.getActive());
        DocumentCounts before = previous.getActive() == null ? null : row.apply(previous.getActive());
        List<String> cells = List.of(path + ".inForce", "previousYear." + path + ".inForce", path + ".issued",
                path + ".repealed");
        if (now == null || before == null || now.getInForce() == null || before.getInForce() == null
                || now.getIssued() == null || now.getRepealed() == null) {
            findings.add(Findings.notAssessable(this, cells, path + " 的现行有效件数链无法核对：有数值未读出",
                    path + ": the in-force chain cannot be checked; a figure was not read"));
            return;
        }
        int expected = before.getInForce() + now.getIssued() - now.getRepealed();
        if (expected != now.getInForce()) {
            findings.add(Findings.failed(this, cells, Integer.toString(expected), now.getInForce().toString(),
                    path + " 现行有效件数应为上年 " + before.getInForce() + " + 制发 " + now.getIssued() + " − 废止 "
                            + now.getRepealed() + " = " + expected + "，实为 " + now.getInForce(),
                    path + ": inForce should be last year's " + before.getInForce() + " + issued " + now.getIssued()
                            + " − repealed " + now.getRepealed() + " = " + expected + ", found " + now.getInForce()));
        }
    }
}
