package io.nianbao.store;

import static io.nianbao.store.TestRecords.row;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;

import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.service.ReportService;

/**
 * Ningxia's reports of several years, as the comparison pages and the scorecard see them: a town across three
 * years (carry-over kept, then broken; prose copied; revised, late), its county's government and a neighbouring
 * town that shares its text, another city's county with an agency that stopped publishing, and a report of another
 * province that must stay out.
 */
public final class ComparisonCorpus {
    public static final String TOWN = "盐池县花马池镇人民政府";
    public static final String TOWN_KEY = "64|" + TOWN;
    public static final String NEIGHBOUR = "盐池县高沙窝镇人民政府";
    public static final String COUNTY_GOVERNMENT = "盐池县人民政府";
    public static final String STOPPED = "中宁县白马乡人民政府";
    public static final String ZHONGNING = "中宁县人民政府";
    public static final List<String> SIX_SECTIONS = List.of("一", "二", "三", "四", "五", "六");

    public static final String KEPT = "本镇坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。";
    public static final String ALSO_KEPT = "进一步完善政府信息公开工作机制，明确专人负责信息发布和依申请公开办理工作。";
    public static final String NEW_2024 = "二〇二四年本镇新建政务公开专区，集中公开惠民惠农财政补贴资金发放情况。";
    static final String DROPPED = "二〇二三年本镇重点公开脱贫攻坚成果巩固和乡村振兴有关政策文件解读材料。";

    private ComparisonCorpus() {
    }

    public static void store(ReportService reports) {
        reports.store(town("t2022", 2022, 4, 2, null, 1, "二〇二二年度本镇政府信息公开工作平稳有序开展，各项任务按期完成。"));
        reports.store(town("t2023", 2023, 5, 3, 1, 2, KEPT + DROPPED + ALSO_KEPT));
        // Published, then revised: the first version stays in the history, the revision finding names what changed.
        reports.store(town("t2024-first", 2024, 7, 3, 3, 0, KEPT + ALSO_KEPT + NEW_2024));
        ValidatedReport revised = town("t2024", 2024, 8, 3, 3, 0, KEPT + ALSO_KEPT + NEW_2024);
        revised.getReport().setPublicationDate("2025-03-05");
        revised.setStatus("warnings");
        revised.setFindings(List.of(failed("COPY-PRIOR", Severity.WARN, "< 90%", "93%", "正文与 2023 年度报告 93% 相同，疑照搬上年报告"),
                failed("PUB-CHANGED", Severity.WARN, "t2024-first", "t2024", "同一机关同一年度的报告发布后被修改（1 处）"),
                failed("PUB-LATE", Severity.WARN, "<= 2025-01-31", "2025-03-05", "2024 年度报告于 2025-03-05 发布，晚于 2025-01-31 的法定期限"),
                failed("COPY-PEER", Severity.INFO, "own text", NEIGHBOUR + " 2024 (n2024)", "正文与" + NEIGHBOUR + "2024年度报告 95% 相同")));
        reports.store(revised);

        reports.store(inCounty(withFigures(validated("n2023", NEIGHBOUR, 2023, "64", "p1"), "640323", 3, 1), "盐池县"));
        ValidatedReport neighbour = inCounty(withFigures(validated("n2024", NEIGHBOUR, 2024, "64", "p1"), "640323", 2, 1),
                "盐池县");
        neighbour.getReport().getNarrative().setOverview(KEPT + NEW_2024);
        reports.store(neighbour);

        ValidatedReport government = inCounty(withFigures(validated("g2024", COUNTY_GOVERNMENT, 2024, "64", "p1"),
                "640323", 5, 4), "盐池县");
        government.setStatus("consistent");
        government.setFindings(List.of(failed("HIER-SUM", Severity.INFO, ">= 10", "5",
                "本级政府报告的新收申请数少于所属部门和乡镇之和")));
        reports.store(government);

        reports.store(inCounty(withFigures(validated("s2023", STOPPED, 2023, "64", "p1"), "640521", 1, 1), "中宁县"));
        ValidatedReport zhongning = inCounty(withFigures(validated("z2024", ZHONGNING, 2024, "64", "p1",
                failed("S3-BALANCE", Severity.ERROR, "1", "2", "申请数量不平衡"),
                failed("PARSE-INCOMPLETE", Severity.WARN, "12", "4", "解析不完整")), "640521", 6, 2), "中宁县");
        zhongning.getReport().getCompleteness().setSectionsFound(List.of("一", "二", "三", "四"));
        reports.store(zhongning);

        reports.store(validated("h2024", "孟津区白鹤镇人民政府", 2024, "41", "p1"));
    }

    private static ValidatedReport town(String reportId, int year, int newApplications, int granted, Integer carriedOver,
            int carriedForward, String overview) {
        ValidatedReport validated = inCounty(withFigures(validated(reportId, TOWN, year, "64", "p1"), "640323",
                newApplications, granted), "盐池县");
        ParsedReport report = validated.getReport();
        report.getApplications().setCarriedOver(carriedOver == null ? null : row(carriedOver));
        report.getApplications().setCarriedForward(row(carriedForward));
        report.getNarrative().setOverview(overview);
        return validated;
    }

    private static ValidatedReport inCounty(ValidatedReport validated, String countyName) {
        validated.getReport().getDivision().setProvinceName("宁夏回族自治区");
        validated.getReport().getDivision().setCountyName(countyName);
        validated.getReport().getCompleteness().setSectionsFound(SIX_SECTIONS);
        return validated;
    }

    private static Finding failed(String ruleId, Severity severity, String expected, String found, String messageZh) {
        // Not the copying builder: Avro's deep copy looks the enum classes up outside Quarkus's class loader.
        return Finding.newBuilder().setRuleId(ruleId).setSeverity(severity).setOutcome(Outcome.FAILED)
                .setMessageZh(messageZh).setMessageEn(ruleId).setCells(List.of("narrative.overview"))
                .setExpected(expected).setFound(found).build();
    }
}
