package io.nianbao.parser;

import static io.nianbao.parser.Seeds.nulls;
import static io.nianbao.parser.Seeds.NONE;
import static io.nianbao.parser.Seeds.outcomes;
import static io.nianbao.parser.Seeds.row;
import static io.nianbao.parser.Seeds.rows2021;
import static io.nianbao.parser.Seeds.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;

/** Each seed against its truth, read by hand from the seed text. */
class SeedReportsTests {
    private static final ReportParser PARSER = new ReportParser();

    private static ParsedReport parse(String seed) throws ReportParseException {
        return PARSER.parse(Seeds.bytes(seed),
                new SourceInfo(null, null, seed + ".txt", "upload", null, null, null, Instant.parse("2025-02-01T00:00:00Z")));
    }


    @Test
    void seed000HuamachiTownIsA2021ReportWith347PenaltiesAndNothingMissing() throws Exception {
        ParsedReport report = parse("000");

        assertThat(report.getAgency()).isEqualTo("盐池县花马池镇");
        assertThat(report.getYear()).isEqualTo(2024);
        assertThat(report.getTitleYear()).isEqualTo(2024);
        assertThat(report.getPeriodYear()).isEqualTo(2024);
        assertThat(report.getTemplate()).isEqualTo("2021");
        // The version itself, not the constant the parser copies: a change of it is a deliberate edit here too.
        assertThat(report.getParserVersion()).isEqualTo("0.6.0");
        assertThat(report.getDivision().getStatus()).isEqualTo("resolved");
        assertThat(report.getDivision().getProvinceName()).isEqualTo("宁夏回族自治区");
        assertThat(report.getDivision().getCountyCode()).isEqualTo("640323");
        assertThat(report.getDivision().getTownName()).isEqualTo("花马池镇");

        var active = report.getActive();
        assertThat(active.getRegulations().getIssued()).isZero();
        assertThat(active.getRegulations().getRepealed()).isZero();
        assertThat(active.getRegulations().getInForce()).isZero();
        assertThat(active.getNormativeDocuments().getInForce()).isZero();
        assertThat(active.getLicensing().getDecisions()).isZero();
        assertThat(active.getPenalties().getDecisions()).isEqualTo(347);
        assertThat(active.getEnforcement().getDecisions()).isZero();
        assertThat(active.getFees().getAmountWan()).isEqualTo(0.0);

        assertThat(rows2021(report.getApplications())).hasSize(25).allSatisfy(r -> assertThat(r).isEqualTo(zeros()));
        assertThat(report.getApplications().getOtherHandling().getTotal()).isNull();
        assertThat(report.getReview()).isEqualTo(NONE);
        assertThat(report.getLitigationDirect()).isEqualTo(NONE);
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);

        assertThat(report.getCompleteness().getSectionsFound()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(report.getCompleteness().getTablesFound()).containsExactly("active", "applications", "cases");
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(report.getCompleteness().getCellsExpected()).isEqualTo(200);
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
        assertThat(report.getWarnings()).isEmpty();
        assertThat(report.getNarrative().getOverview()).startsWith("2024 年,我镇认真贯彻落实");
        assertThat(report.getNarrative().getOtherMatters()).isEqualTo("我镇 2024 年未收到政府信息公开申请,未收取信息处理费。");
    }

    @Test
    void seed001HongshanTownFillsItsShortRowsOnlyFromTheIdentities() throws Exception {
        ParsedReport report = parse("001");

        assertThat(report.getAgency()).isEqualTo("洪山镇人民政府");
        assertThat(report.getYear()).isEqualTo(2024);
        assertThat(report.getPeriodYear()).isNull();
        assertThat(report.getTemplate()).isEqualTo("2021");

        Applications a = report.getApplications();
        // (二) printed 6 numbers, 2.申请人逾期… 6, (七)总计 5: the column balance (0 + 0 = total + 0) fixes the totals
        // at 0, and results that must sum to 0 are all 0.
        assertThat(rows2021(a)).allSatisfy(r -> assertThat(r).isEqualTo(zeros()));
        assertThat(report.getCompleteness().getInferredCells()).hasSize(21)
                .contains("applications.partiallyGranted[0]", "applications.otherHandling.noFee[6]",
                        "applications.totalProcessed[6]");
        // 「-, 4」 in front of (四)无法提供 is OCR debris, not a count.
        assertThat(a.getUnavailable().getNotHeld()).isEqualTo(zeros());
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200 - 21);
        // 洪山镇 exists in ten provinces: unresolved, every candidate kept, never guessed.
        assertThat(report.getDivision().getStatus()).isEqualTo("ambiguous");
        assertThat(report.getDivision().getCandidates()).hasSize(10);
        assertThat(report.getWarnings()).filteredOn(w -> !w.startsWith("Division:")).hasSize(3)
                .anySatisfy(w -> assertThat(w).contains("partiallyGranted printed 6 numbers"))
                .anySatisfy(w -> assertThat(w).contains("otherHandling.noFee printed 6 numbers"))
                .anySatisfy(w -> assertThat(w).contains("totalProcessed printed 5 numbers"));

        assertThat(report.getActive().getPenalties().getDecisions()).isZero();
        assertThat(report.getReview()).isEqualTo(NONE);
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);
        // The numbered items 「一、信息公开的内容…」 inside 五 do not restart the sections.
        assertThat(report.getNarrative().getProblems()).startsWith("一、信息公开的内容还不够全面");
        assertThat(report.getCompleteness().getSectionsFound()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void seed002BaiheTownReadsItsOneApplicationAndOneCorrectedReview() throws Exception {
        ParsedReport report = parse("002");

        assertThat(report.getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(report.getYear()).isEqualTo(2024);
        assertThat(report.getTemplate()).isEqualTo("2021");

        Applications a = report.getApplications();
        assertThat(a.getNewApplications()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(a.getCarriedOver()).isEqualTo(zeros());
        assertThat(a.getGranted()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(a.getPartiallyGranted()).isEqualTo(zeros());
        assertThat(a.getTotalProcessed()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(a.getCarriedForward()).isEqualTo(zeros());
        assertThat(a.getOtherHandling().getOther()).isEqualTo(zeros());

        assertThat(report.getReview()).isEqualTo(outcomes(0, 1, 0, 0, 1));
        assertThat(report.getLitigationDirect()).isEqualTo(NONE);
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);
        assertThat(report.getActive().getPenalties().getDecisions()).isZero();
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(report.getWarnings()).isEmpty();
        assertThat(report.getDivision().getTownCode()).isEqualTo("410308104");
        // The markdown heading marks of this PDF→text conversion are gone.
        assertThat(report.getTitle()).isEqualTo("孟津区白鹤镇人民政府2024年政府信息公开工作年度报告");
    }

    @Test
    void seed003HuianbaoTownIsA2019TemplateReportWhoseSection4TheGroupTotalsDecide() throws Exception {
        ParsedReport report = parse("003");

        assertThat(report.getAgency()).isEqualTo("盐池县惠安堡镇人民政府");
        assertThat(report.getYear()).isEqualTo(2020);
        assertThat(report.getTemplate()).isEqualTo("2019");

        var active = report.getActive();
        assertThat(active.getRegulations().getNewlyMade()).isZero();
        assertThat(active.getRegulations().getIssued()).isNull();
        assertThat(active.getNormativeDocuments().getTotalPublished()).isZero();
        assertThat(active.getLicensing().getLastYearItems()).isZero();
        assertThat(active.getOtherServices().getDecisions()).isZero();
        assertThat(active.getPenalties().getLastYearItems()).isEqualTo(1);
        assertThat(active.getPenalties().getChange()).isZero();
        assertThat(active.getPenalties().getDecisions()).isEqualTo(89);
        assertThat(active.getEnforcement().getDecisions()).isZero();
        assertThat(active.getFees().getLastYearItems()).isZero();
        assertThat(active.getFees().getAmountWan()).isNull();
        assertThat(active.getProcurement().getProjects()).isZero();
        assertThat(active.getProcurement().getAmountText()).isEqualTo("0");

        Applications a = report.getApplications();
        assertThat(a.getOtherHandling().getTotal()).isEqualTo(zeros());
        assertThat(a.getOtherHandling().getNoCorrection()).isNull();
        assertThat(a.getNewApplications()).isEqualTo(zeros());
        assertThat(a.getNotProcessed().getDuplicate()).isEqualTo(zeros());
        assertThat(a.getTotalProcessed()).isEqualTo(zeros());
        assertThat(a.getCarriedForward()).isEqualTo(zeros());
        // (一)(二) printed 6 numbers, (三)1–8, (四)1–3 and (五)1 printed 5: all fixed by totalProcessed = 0.
        assertThat(a.getGranted()).isEqualTo(zeros());
        assertThat(a.getDenied().getQueryMatters()).isEqualTo(zeros());
        assertThat(report.getCompleteness().getInferredCells()).hasSize(14 * 7 + 15);
        assertThat(report.getCompleteness().getCellsExpected()).isEqualTo(198);

        // 14 zeros for 15 cells: whichever was lost, the group totals make it 0, so all 15 are 0 and all inferred.
        assertThat(report.getReview()).isEqualTo(NONE);
        assertThat(report.getLitigationDirect()).isEqualTo(NONE);
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);
        assertThat(report.getCompleteness().getInferredCells()).contains("review.upheld", "litigationAfterReview.total");
        assertThat(report.getWarnings()).anySatisfy(w -> assertThat(w).contains("Section 四 printed 14 numbers"));
        assertThat(report.getNarrative().getOtherMatters()).isEqualTo("无。");
    }

    @Test
    void seed004BaimaTownLeavesCarriedRowsNullBecauseNoIdentityFixesThem() throws Exception {
        ParsedReport report = parse("004");

        assertThat(report.getAgency()).isEqualTo("中宁县白马乡");
        assertThat(report.getYear()).isEqualTo(2023);
        assertThat(report.getPeriodYear()).isEqualTo(2023);
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getActive().getPenalties().getDecisions()).isEqualTo(4);

        Applications a = report.getApplications();
        // 「二、上年⇥二、上年结转…」 and 「四、结转⇥四、结转下年度…」 printed 5 numbers; the balance only says
        // carriedOver = carriedForward, which does not fix either.
        assertThat(a.getCarriedOver()).isEqualTo(nulls());
        assertThat(a.getCarriedForward()).isEqualTo(nulls());
        assertThat(report.getWarnings())
                .anySatisfy(w -> assertThat(w).contains("carriedOver printed 5 numbers").endsWith("the cells are null."))
                .anySatisfy(w -> assertThat(w).contains("carriedForward printed 5 numbers"));
        // Labels split over cells still find their rows.
        assertThat(a.getNewApplications()).isEqualTo(zeros());
        assertThat(a.getGranted()).isEqualTo(zeros());
        assertThat(a.getPartiallyGranted()).isEqualTo(zeros());
        // 7.属于行政执法案卷 and 3.补正后… printed 6 numbers; totalProcessed = 0 fixes them.
        assertThat(a.getDenied().getEnforcementFiles()).isEqualTo(zeros());
        assertThat(a.getUnavailable().getStillUnclear()).isEqualTo(zeros());
        assertThat(report.getCompleteness().getInferredCells()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 7).boxed().flatMap(c -> List.of("applications.denied.enforcementFiles[" + c + "]",
                        "applications.unavailable.stillUnclear[" + c + "]").stream()).toList());
        assertThat(report.getReview()).isEqualTo(NONE);
        assertThat(report.getLitigationDirect()).isEqualTo(NONE);
    }
}
