package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** Every section 三 row of the report's template: 总计 = the sum of the six applicant columns. */
public final class RowTotalRule extends SectionThreeRule {
    public static final String ID = "S3-ROWTOTAL";

    public RowTotalRule() {
        super(ID);
    }

    @Override
    List<Finding> evaluate(ParsedReport report, Applications applications) {
        return ApplicationRow.rowsOf(report).stream()
                .map(row -> new Equation(
                        Column.APPLICANTS.stream().map(column -> row.cell(applications, column)).toList(),
                        List.of(row.cell(applications, Column.TOTAL)))
                        .check(this, "第三部分「" + row.labelZh + "」行" + identityZh(),
                                "Section 三, row " + row.path + ": " + identityEn()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    String identityZh() {
        return "总计（六类申请人之和）";
    }

    @Override
    String identityEn() {
        return "the total = the sum of the six applicant columns";
    }
}
