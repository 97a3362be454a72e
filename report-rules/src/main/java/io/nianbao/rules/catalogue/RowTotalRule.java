package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.template.ApplicationCell;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Identity;
import io.nianbao.template.Template;

/** Every section 三 row of the report's template: 总计 = the sum of the six applicant columns. */
public final class RowTotalRule extends AbstractSectionThreeRule {
    public static final String ID = "S3-ROWTOTAL";

    public RowTotalRule() {
        super(ID, Identity.Family.ROW_TOTAL);
    }

    @Override
    List<Identity> identities(Template layout) {
        return layout.applicationRows().stream().map(Identity::rowTotal).toList();
    }

    @Override
    String subjectZh(Identity identity) {
        return "「" + rowOf(identity).nameZh() + "」行";
    }

    @Override
    String subjectEn(Identity identity) {
        return "row " + rowOf(identity).path();
    }

    private static ApplicationRow rowOf(Identity identity) {
        return ((ApplicationCell) identity.right().get(0)).row();
    }
}
