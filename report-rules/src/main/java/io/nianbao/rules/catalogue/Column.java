package io.nianbao.rules.catalogue;

import java.util.List;

/** The seven columns of every section 三 row, in the canonical order of the arrays. */
enum Column {
    NATURAL_PERSON("自然人", "naturalPerson"),
    COMMERCIAL("商业企业", "commercial"),
    RESEARCH("科研机构", "research"),
    SOCIAL_WELFARE("社会公益组织", "socialWelfare"),
    LEGAL_SERVICE("法律服务机构", "legalService"),
    OTHER("其他", "other"),
    TOTAL("总计", "total");

    /** The six applicant columns whose sum is {@link #TOTAL}. */
    static final List<Column> APPLICANTS = List.of(
            NATURAL_PERSON, COMMERCIAL, RESEARCH, SOCIAL_WELFARE, LEGAL_SERVICE, OTHER);

    final String labelZh;
    final String labelEn;

    Column(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }
}
