package io.nianbao.rules.catalogue;

import static io.nianbao.rules.catalogue.ApplicationRow.CARRIED_FORWARD;
import static io.nianbao.rules.catalogue.ApplicationRow.CARRIED_OVER;
import static io.nianbao.rules.catalogue.ApplicationRow.NEW_APPLICATIONS;
import static io.nianbao.rules.catalogue.ApplicationRow.TOTAL_PROCESSED;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/** The 勾稽关系 the template prints, per column: 一 + 二 = （七）总计 + 四. */
public final class BalanceRule extends SectionThreeRule {
    public static final String ID = "S3-BALANCE";

    public BalanceRule() {
        super(ID);
    }

    @Override
    List<Finding> evaluate(ParsedReport report, Applications applications) {
        return Arrays.stream(Column.values())
                .map(column -> new Equation(
                        List.of(NEW_APPLICATIONS.cell(applications, column), CARRIED_OVER.cell(applications, column)),
                        List.of(TOTAL_PROCESSED.cell(applications, column), CARRIED_FORWARD.cell(applications, column)))
                        .check(this, "第三部分「" + column.labelZh + "」列" + identityZh(),
                                "Section 三, column " + column.labelEn + ": " + identityEn()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    String identityZh() {
        return "勾稽关系（本年新收 + 上年结转 = 办理结果总计 + 结转下年度）";
    }

    @Override
    String identityEn() {
        return "the balance newApplications + carriedOver = totalProcessed + carriedForward";
    }
}
