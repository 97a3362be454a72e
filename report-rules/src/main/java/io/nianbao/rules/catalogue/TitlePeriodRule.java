package io.nianbao.rules.catalogue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The year in the title = the year of the statistics period (YYYY年1月1日至12月31日); and a report cannot have
 * been published before its period ended.
 */
public final class TitlePeriodRule extends CatalogueRule {
    public static final String ID = "YR-TITLE-PERIOD";

    public TitlePeriodRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        Integer titleYear = report.getTitleYear();
        Integer periodYear = report.getPeriodYear();
        if (titleYear == null || periodYear == null) {
            findings.add(Findings.notAssessable(this, unread(titleYear, periodYear),
                    "标题年份或统计期限年份未读出，无法核对二者是否一致",
                    "The title's year or the statistics period's year was not read; their agreement cannot be checked"));
        } else if (!titleYear.equals(periodYear)) {
            findings.add(Findings.failed(this, List.of("titleYear", "periodYear"), titleYear.toString(),
                    periodYear.toString(),
                    "标题为 " + titleYear + " 年度报告，统计期限却是 " + periodYear + " 年",
                    "The title is for " + titleYear + " but the statistics period is " + periodYear));
        }
        Integer year = ReportProse.reportYear(report);
        LocalDate published = PublicationDate.of(report);
        if (year != null && published != null && published.getYear() <= year) {
            findings.add(Findings.failed(this, List.of("publicationDate", "periodYear", "titleYear"),
                    "> " + year + "-12-31", published.toString(),
                    year + " 年度报告的发布日期 " + published + " 早于统计期限结束",
                    "The " + year + " report is dated " + published + ", before its statistics period ended"));
        }
        return findings;
    }

    private static List<String> unread(Integer titleYear, Integer periodYear) {
        List<String> cells = new ArrayList<>();
        if (titleYear == null) {
            cells.add("titleYear");
        }
        if (periodYear == null) {
            cells.add("periodYear");
        }
        return cells;
    }

    /** The ISO publication date; null when unknown or not a date (an unreadable date is no date). */
    static final class PublicationDate {
        private PublicationDate() {
        }

        static LocalDate of(ParsedReport report) {
            String date = report.getPublicationDate();
            if (date == null) {
                return null;
            }
            try {
                return LocalDate.parse(date);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
