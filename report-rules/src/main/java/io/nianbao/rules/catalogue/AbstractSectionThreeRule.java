package io.nianbao.rules.catalogue;

import java.util.List;
import java.util.Optional;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationCell;
import io.nianbao.template.Identity;
import io.nianbao.template.Template;

/**
 * The base of the rules that check a selection of the section 三 identities of the report's template: one
 * NOT_ASSESSABLE finding when the whole table was not read, otherwise one finding per identity that fails or cannot
 * be checked.
 */
abstract class AbstractSectionThreeRule extends CatalogueRule {
    private final Identity.Family family;

    AbstractSectionThreeRule(String id, Identity.Family family) {
        super(id, Severity.ERROR);
        this.family = family;
    }

    @Override
    public final List<Finding> evaluate(ParsedReport report) {
        if (report.getApplications() == null) {
            return List.of(Findings.notAssessable(this, List.of("applications"),
                    "第三部分表格未读出，" + family.descriptionZh() + "无法核对",
                    "The section 三 table was not read; " + family.descriptionEn() + " cannot be checked"));
        }
        return identities(Template.layoutOf(report)).stream()
                .map(identity -> Equation.check(this, identity, report,
                        "第三部分" + subjectZh(identity) + family.descriptionZh(),
                        "Section 三, " + subjectEn(identity) + ": " + family.descriptionEn()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The identities of the rule's family in the report's section 三 layout. */
    abstract List<Identity> identities(Template layout);

    /** Where the identity sits, in Chinese: 「自然人」列, 「予以公开」行. */
    abstract String subjectZh(Identity identity);

    /** Where the identity sits, in English: column naturalPerson, row applications.granted. */
    abstract String subjectEn(Identity identity);

    /** The column of a per-column identity: the one all its cells share. */
    static ApplicantColumn columnOf(Identity identity) {
        return ((ApplicationCell) identity.right().get(0)).column();
    }
}
