package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.List;

import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.Identity;
import io.nianbao.template.Template;

/**
 * Per column: （七）总计 = 予以公开 + 部分公开 + Σ不予公开 + Σ无法提供 + Σ不予处理 + Σ其他处理, with the （六） rows of
 * the report's template (three in 2021, one in 2019).
 */
public final class ResultsRule extends AbstractSectionThreeRule {
    public static final String ID = "S3-RESULTS";

    public ResultsRule() {
        super(ID, Identity.Family.RESULTS_SUM);
    }

    @Override
    List<Identity> identities(Template layout) {
        return Arrays.stream(ApplicantColumn.values()).map(column -> Identity.resultsSum(layout, column)).toList();
    }

    @Override
    String subjectZh(Identity identity) {
        return "「" + columnOf(identity).labelZh() + "」列";
    }

    @Override
    String subjectEn(Identity identity) {
        return "column " + columnOf(identity).labelEn();
    }
}
