package io.nianbao.rules.catalogue;

import java.util.Arrays;
import java.util.List;

import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.Identity;
import io.nianbao.template.Template;

/** The 勾稽关系 the template prints, per column: 一 + 二 = （七）总计 + 四. */
public final class BalanceRule extends AbstractSectionThreeRule {
    public static final String ID = "S3-BALANCE";

    public BalanceRule() {
        super(ID, Identity.Family.COLUMN_BALANCE);
    }

    @Override
    List<Identity> identities(Template layout) {
        return Arrays.stream(ApplicantColumn.values()).map(Identity::columnBalance).toList();
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
