package io.nianbao.template;

import java.util.List;

/** The seven columns of every section 三 row (申请人情况), in the order of the canonical arrays. */
public enum ApplicantColumn {
    NATURAL_PERSON("自然人", "naturalPerson"),
    COMMERCIAL("商业企业", "commercial"),
    RESEARCH("科研机构", "research"),
    SOCIAL_WELFARE("社会公益组织", "socialWelfare"),
    LEGAL_SERVICE("法律服务机构", "legalService"),
    OTHER("其他", "other"),
    TOTAL("总计", "total");

    /** The six applicant columns whose sum is {@link #TOTAL}. */
    public static final List<ApplicantColumn> APPLICANTS = List.of(
            NATURAL_PERSON, COMMERCIAL, RESEARCH, SOCIAL_WELFARE, LEGAL_SERVICE, OTHER);

    private final String labelZh;
    private final String labelEn;

    ApplicantColumn(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** As the template prints it. */
    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The column at {@code index} of a row's array. */
    public static ApplicantColumn at(int index) {
        return values()[index];
    }
}
