package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.template.CaseGroup;
import io.nianbao.template.Identity;

/** Section 四, for 行政复议, 未经复议直接起诉 and 复议后起诉: 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
public final class CaseTotalRule extends CatalogueRule {
    public static final String ID = "S4-TOTAL";

    public CaseTotalRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        return Arrays.stream(CaseGroup.values())
                .map(group -> Equation.check(this, Identity.caseTotal(group), report,
                        "第四部分「" + group.nameZh() + "」" + Identity.Family.CASE_TOTAL.descriptionZh(),
                        "Section 四, " + group.path() + ": " + Identity.Family.CASE_TOTAL.descriptionEn()))
                .flatMap(Optional::stream)
                .toList();
    }
}
