package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * A 乡/镇/街道 report that calls itself 我局/本局/我委 (a department's text copied in, as 横山镇's 「我局积极配合」).
 */
public final class SelfReferenceRule extends CatalogueRule {
    public static final String ID = "SELF-REF";

    // The lookahead skips a position no alternative starts at in one test (BENCHMARKS "The prose rules' alternations").
    private static final Pattern TOWNSHIP = Pattern.compile(".*(乡|镇|街道|乡人民政府|镇人民政府|街道办事处)$");
    private static final Pattern DEPARTMENT_SELF = Pattern.compile("(?=[我本])(我局|本局|我委|本委|我厅|本厅)");

    public SelfReferenceRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        String agency = report.getAgency();
        String text = ReportProse.narrative(report);
        if (agency == null || text == null) {
            return List.of(Findings.notAssessable(this, List.of("agency", "narrative"),
                    "机关名称或正文未读出，无法核对自称", "The agency or the text was not read; cannot be checked"));
        }
        if (!TOWNSHIP.matcher(agency).matches()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = DEPARTMENT_SELF.matcher(ReportProse.compact(text));
        while (matcher.find()) {
            found.add(matcher.group());
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(ReportProse.NARRATIVE_CELLS);
        cells.add(0, "agency");
        return List.of(Findings.failed(this, cells, "我镇/我乡/本街道", String.join("、", found),
                agency + " 的报告自称「" + String.join("、", found) + "」：疑抄自其他部门的报告",
                "The report of " + agency + " (a township) calls itself " + String.join(", ", found)
                        + ": text copied from a department's report"));
    }
}
