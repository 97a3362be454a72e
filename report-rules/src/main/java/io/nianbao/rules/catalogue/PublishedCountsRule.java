package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The 2019 template's section 二 document rows: 对外公开总数量 ≥ 本年新公开数量 (WARN), and 本年新公开 ≤ 本年新制作
 * (INFO: an agency may publish documents made the year before).
 */
public final class PublishedCountsRule extends CatalogueRule {
    public static final String ID = "S2-2019-BOUNDS";

    public PublishedCountsRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        ActiveDisclosure active = report.getActive();
        if (!"2019".equals(report.getTemplate()) || active == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        check(findings, "active.regulations", "规章", active.getRegulations());
        check(findings, "active.normativeDocuments", "规范性文件", active.getNormativeDocuments());
        return findings;
    }

    private void check(List<Finding> findings, String path, String labelZh, DocumentCounts counts) {
        Integer made = counts == null ? null : counts.getNewlyMade();
        Integer published = counts == null ? null : counts.getNewlyPublished();
        Integer total = counts == null ? null : counts.getTotalPublished();
        if (published == null || total == null) {
            findings.add(Findings.notAssessable(this, List.of(path + ".newlyPublished", path + ".totalPublished"),
                    "第二部分「" + labelZh + "」本年新公开数量或对外公开总数量未读出，无法核对",
                    "Section 二 " + path + ": newlyPublished or totalPublished was not read; cannot be checked"));
            return;
        }
        if (total < published) {
            findings.add(Findings.failed(this, List.of(path + ".totalPublished", path + ".newlyPublished"),
                    ">= " + published, total.toString(),
                    "第二部分「" + labelZh + "」对外公开总数量 " + total + " 小于本年新公开数量 " + published,
                    "Section 二 " + path + ": totalPublished " + total + " is below newlyPublished " + published));
        }
        if (made != null && published > made) {
            findings.add(Findings.failed(this, Severity.INFO, List.of(path + ".newlyPublished", path + ".newlyMade"),
                    "<= " + made, published.toString(),
                    "第二部分「" + labelZh + "」本年新公开数量 " + published + " 多于本年新制作数量 " + made,
                    "Section 二 " + path + ": newlyPublished " + published + " exceeds newlyMade " + made));
        }
    }
}
