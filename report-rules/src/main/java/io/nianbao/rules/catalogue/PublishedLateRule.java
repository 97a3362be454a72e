package io.nianbao.rules.catalogue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * 条例 Art. 49: departments (and 乡镇, by the counties' notices) publish by 31 January of the next year; the
 * report of a 县级以上人民政府 itself by 31 March.
 */
public final class PublishedLateRule extends CatalogueRule {
    public static final String ID = "PUB-LATE";

    private static final Pattern COUNTY_OR_ABOVE_GOVERNMENT = Pattern.compile(".*(省|市|县|区|旗|州|盟)人民政府$");
    private static final MonthDay DEPARTMENT_DEADLINE = MonthDay.of(1, 31);
    private static final MonthDay GOVERNMENT_DEADLINE = MonthDay.of(3, 31);

    public PublishedLateRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        Integer year = ReportProse.reportYear(report);
        LocalDate published = TitlePeriodRule.PublicationDate.of(report);
        if (year == null || published == null) {
            // Most reports print no date of their own: an unknown date is no evidence either way.
            return List.of();
        }
        boolean government = report.getAgency() != null
                && COUNTY_OR_ABOVE_GOVERNMENT.matcher(report.getAgency()).matches();
        LocalDate deadline = (government ? GOVERNMENT_DEADLINE : DEPARTMENT_DEADLINE).atYear(year + 1);
        if (!published.isAfter(deadline)) {
            return List.of();
        }
        return List.of(Findings.failed(this, List.of("publicationDate"), "<= " + deadline, published.toString(),
                year + " 年度报告于 " + published + " 发布，晚于 " + deadline + " 的法定期限",
                "The " + year + " report was published on " + published + ", after the " + deadline + " deadline"));
    }
}
