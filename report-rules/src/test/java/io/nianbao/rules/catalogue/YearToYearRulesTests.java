package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.History;
import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** The same agency across years: CARRY-CHAIN, S2-INFORCE-CHAIN, COPY-PRIOR, YOY-JUMP, PUB-CHANGED. */
class YearToYearRulesTests {
    private static final String LONG_TEXT = "本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
            + "围绕中心工作，持续深化政务公开，不断提升政府工作透明度，切实保障人民群众的知情权、参与权、表达权和监督权，"
            + "通过门户网站、政务新媒体、公开栏等多种渠道及时发布各类政府信息，主动回应社会关切。";

    /** Last year's report, carrying forward what the fixture carries over (2, 1, 0, 0, 0, 0 | 3). */
    private static ReportFixture carryingForwardThisYearsCarryOver() {
        ReportFixture fixture = ReportFixture.consistent2021().year(2022);
        int[] carried = {2, 1, 0, 0, 0, 0, 3};
        for (int column = 0; column < carried.length; column++) {
            fixture.cell("carriedForward", column, carried[column]);
        }
        return fixture;
    }

    private static ParsedReport lastYear() {
        return ReportFixture.consistent2021().year(2022).reportId("1".repeat(64)).build();
    }

    @Test
    void carriedOverMustEqualLastYearsCarriedForwardPerColumn() {
        ParsedReport thisYear = ReportFixture.consistent2021().cell("carriedForward", 0, 5).build();
        ParsedReport broken = ReportFixture.consistent2021().year(2024).build();
        History chained = new History(carryingForwardThisYearsCarryOver().build(), null, null);

        assertThat(new CarryChainRule().evaluate(ReportFixture.consistent2021().build(), chained)).isEmpty();
        // the fixture carries over (2,1,0,0,0,0 | 3) but carried forward (1,0,0,0,1,0 | 2)
        assertThat(new CarryChainRule().evaluate(broken, new History(thisYear, null, null)))
                .extracting(Finding::getCells).extracting(cells -> cells.get(0)).containsExactly(
                        "applications.carriedOver[0]", "applications.carriedOver[1]", "applications.carriedOver[4]",
                        "applications.carriedOver[6]");
        assertThat(new CarryChainRule().evaluate(thisYear, History.none())).isEmpty();
    }

    @Test
    void anUnreadCellOfEitherYearMakesItsColumnNotAssessable() {
        ParsedReport previous = carryingForwardThisYearsCarryOver().cell("carriedForward", 3, null).build();

        assertThat(new CarryChainRule().evaluate(ReportFixture.consistent2021().build(), new History(previous, null, null)))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
                    assertThat(finding.getCells()).containsExactly("applications.carriedOver[3]",
                            "previousYear.applications.carriedForward[3]");
                });
    }

    @Test
    void documentsInForceMustFollowFromLastYearsAndThisYearsIssuedAndRepealed() {
        // the fixture: issued 1, repealed 0, in force 5 each year: 5 + 1 − 0 ≠ 5
        assertThat(new InForceChainRule().evaluate(ReportFixture.consistent2021().build(), new History(lastYear(), null, null)))
                .hasSize(2).allSatisfy(finding -> {
                    assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
                    assertThat(finding.getExpected()).isEqualTo("6");
                });
    }

    @Test
    void prosCopiedFromLastYearIsAWarningAndDifferentProseIsNot() {
        ParsedReport previous = ReportFixture.consistent2021().year(2022).overview(LONG_TEXT).build();
        ParsedReport copy = ReportFixture.consistent2021().overview(LONG_TEXT.replace("本年度", "2023年"))
                .cell("granted", 6, 9).build();
        ParsedReport own = ReportFixture.consistent2021().overview("今年我镇重点围绕乡村振兴、民生保障公开信息，"
                + "新增“村务公开”专栏，对低保、救助、补贴等事项逐项公示，并邀请群众代表参与评议，公开质量明显提高，"
                + "群众满意度进一步提升，全年未发生因公开不到位引发的投诉。").cell("granted", 6, 9).build();

        assertThat(new CopyPriorRule().evaluate(copy, new History(previous, null, null))).singleElement()
                .satisfies(finding -> assertThat(finding.getCells()).containsExactly(ReportProse.NARRATIVE_CELLS.toArray(String[]::new)));
        assertThat(new CopyPriorRule().evaluate(own, new History(previous, null, null))).isEmpty();
    }

    @Test
    void identicalNonZeroTablesAreACopyOfLastYear() {
        assertThat(new CopyPriorRule().evaluate(ReportFixture.consistent2021().build(), new History(lastYear(), null, null)))
                .singleElement().satisfies(finding -> assertThat(finding.getFound()).isEqualTo("identical figures"));
    }

    @Test
    void aFiveFoldJumpInNewApplicationsIsInformational() {
        ParsedReport jumped = ReportFixture.consistent2021().cell("newApplications", 6, 90).build();

        assertThat(new YearOnYearJumpRule().evaluate(jumped, new History(lastYear(), null, null))).hasSize(1);
        assertThat(new YearOnYearJumpRule().evaluate(ReportFixture.consistent2021().build(),
                new History(lastYear(), null, null))).isEmpty();
    }

    @Test
    void aSecondReportForTheSameAgencyAndYearWithOtherFiguresIsARevisionNamingWhatChanged() {
        ParsedReport first = ReportFixture.consistent2021().reportId("a".repeat(64)).build();
        ParsedReport revised = ReportFixture.consistent2021().reportId("b".repeat(64)).cell("granted", 0, 5).build();

        assertThat(new RevisionRule().evaluate(revised, new History(null, null, first))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getRuleId()).isEqualTo("PUB-CHANGED");
                    assertThat(finding.getCells()).containsExactly("applications.granted[0]");
                    assertThat(finding.getMessageEn()).contains("applications.granted[0]: 4 → 5");
                });
    }

    @Test
    void theSameContentAgainIsNoRevisionButADuplicateAndTheSameReportIsNothing() {
        ParsedReport first = ReportFixture.consistent2021().reportId("a".repeat(64)).build();
        ParsedReport again = ReportFixture.consistent2021().reportId("b".repeat(64)).build();

        assertThat(new RevisionRule().evaluate(again, new History(null, null, first))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getRuleId()).isEqualTo("PUB-DUP");
                    assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
                });
        assertThat(new RevisionRule().evaluate(first, new History(null, null, first))).isEmpty();
    }
}
