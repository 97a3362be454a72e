package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** An identity of the section 三 table: one NOT_ASSESSABLE finding when the whole table was not read. */
abstract class SectionThreeRule extends CatalogueRule {

    SectionThreeRule(String id) {
        super(id, Severity.ERROR);
    }

    @Override
    public final List<Finding> evaluate(ParsedReport report) {
        Applications applications = report.getApplications();
        if (applications == null) {
            return List.of(Findings.notAssessable(this, List.of("applications"),
                    "第三部分表格未读出，" + identityZh() + "无法核对",
                    "The section 三 table was not read; " + identityEn() + " cannot be checked"));
        }
        return evaluate(report, applications);
    }

    abstract List<Finding> evaluate(ParsedReport report, Applications applications);

    /** The identity checked, in Chinese, for messages. */
    abstract String identityZh();

    /** The identity checked, in English, for messages. */
    abstract String identityEn();
}
