package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** The document is a scan without a text layer: hard for the public to use, and nothing could be read. */
public final class ScanOnlyRule extends CatalogueRule {
    public static final String ID = "SCAN-ONLY";

    public ScanOnlyRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        if (!report.getCompleteness().getNeedsOcr()) {
            return List.of();
        }
        return List.of(Findings.failed(this, List.of("completeness.needsOcr"), "text layer", "image only",
                "报告为无文字层的扫描件，公众难以检索利用", "The report is an image-only scan without a text layer"));
    }
}
