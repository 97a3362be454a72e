package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/**
 * Per column: （七）总计 = 予以公开 + 部分公开 + Σ不予公开 + Σ无法提供 + Σ不予处理 + Σ其他处理, with the （六） rows of
 * the report's template (three in 2021, one in 2019).
 */
public final class ResultsRule extends SectionThreeRule {
    public static final String ID = "S3-RESULTS";

    public ResultsRule() {
        super(ID);
    }

    @Override
    List<Finding> evaluate(ParsedReport report, Applications applications) {
        List<ApplicationRow> results = ApplicationRow.resultsOf(report);
        return Arrays.stream(Column.values())
                .map(column -> new Equation(
                        results.stream().map(row -> row.cell(applications, column)).toList(),
                        List.of(ApplicationRow.TOTAL_PROCESSED.cell(applications, column)))
                        .check(this, "第三部分「" + column.labelZh + "」列" + identityZh(),
                                "Section 三, column " + column.labelEn + ": " + identityEn()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    String identityZh() {
        return "办理结果合计（（七）总计 = 各项办理结果之和）";
    }

    @Override
    String identityEn() {
        return "totalProcessed = the sum of the result rows";
    }
}
