package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** The prose held against the tables: PROSE-NONE, PROSE-COUNT, PROSE-SUM. */
class ProseRulesTests {
    private final ProseNoneRule none = new ProseNoneRule();
    private final ProseCountRule count = new ProseCountRule();
    private final ProseSumRule sum = new ProseSumRule();

    @Test
    void sayingNoApplicationsWereReceivedWhileTheTableCountsSomeIsAnError() {
        ParsedReport report = ReportFixture.consistent2021().overview("全年未收到公民提出的政府信息公开申请。").build();
        int counted = report.getApplications().getNewApplications().get(6);

        assertThat(none.evaluate(report)).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(finding.getCells()).containsExactly("applications.newApplications[6]");
            assertThat(finding.getExpected()).isEqualTo("0");
            assertThat(finding.getFound()).isEqualTo(Integer.toString(counted));
            assertThat(finding.getMessageZh()).contains("未收到");
        });
    }

    @Test
    void sayingNoApplicationsWereReceivedHoldsWhenTheTableCountsNone() {
        ParsedReport report = ReportFixture.consistent2021().overview("全年未收到政府信息公开申请。")
                .cell("newApplications", 6, 0).build();

        assertThat(none.evaluate(report)).isEmpty();
    }

    @Test
    void anUnreadTotalMakesTheNoneStatementNotAssessableNeverAFailure() {
        ParsedReport report = ReportFixture.consistent2021().overview("全年未收到政府信息公开申请。")
                .cell("newApplications", 6, null).build();

        assertThat(none.evaluate(report)).singleElement()
                .satisfies(finding -> assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE));
    }

    @Test
    void sayingNoReviewOrLawsuitHappenedIsCheckedAgainstSectionFour() {
        ParsedReport withCases = ReportFixture.consistent2021()
                .otherMatters("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。").build();
        ParsedReport withoutCases = ReportFixture.consistent2021()
                .otherMatters("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。")
                .caseGroup("review", 0, 0, 0, 0, 0).caseGroup("litigationDirect", 0, 0, 0, 0, 0).build();

        assertThat(none.evaluate(withCases)).extracting(Finding::getCells).containsExactlyInAnyOrder(
                List.of("review.total"), List.of("litigationDirect.total", "litigationAfterReview.total"));
        assertThat(none.evaluate(withoutCases)).isEmpty();
    }

    @Test
    void aFigureWhoseClauseExtractionWrappedOverTwoLinesIsStillHeldAgainstTheTable() {
        // As pdftotext lays out real report 001: the page ends the line between a figure and its unit.
        ParsedReport wrapped = ReportFixture.consistent2021().overview("""
                (二)依申请公开情况。着力强化与申请人的直接沟通。政府信息公开行政复议 5
                件,其中结果维持 1 件,结果纠正 1 件,其他结果 0 件,尚
                未审结 1 件。
                (三)政府信息管理情况。坚持先审查、后公开。
                """).build();

        assertThat(count.evaluate(wrapped)).singleElement().satisfies(finding -> {
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).containsExactly("review.total");
            assertThat(finding.getExpected()).isEqualTo("3");
            assertThat(finding.getFound()).isEqualTo("5");
        });
    }

    @Test
    void aLineThatEndsAClauseOrIsFollowedByAnItemIsNotJoinedToTheNext() {
        assertThat(ReportProse.clauses("""
                全年共收到政府信息公开申请
                3 件，均已答复。
                （二）行政复议 0
                二、主动公开情况
                """)).containsExactly("全年共收到政府信息公开申请3件，均已答复", "（二）行政复议0", "二、主动公开情况");
    }

    @Test
    void aStatedApplicationCountMustMatchTheNewApplicationsTotalOrNewPlusCarriedOver() {
        ReportFixture fixture = ReportFixture.consistent2021();
        ParsedReport base = fixture.build();
        int fresh = base.getApplications().getNewApplications().get(6);
        int carried = base.getApplications().getCarriedOver().get(6);

        assertThat(count.evaluate(ReportFixture.consistent2021()
                .overview("全年共收到政府信息公开申请 " + fresh + " 件。").build())).isEmpty();
        assertThat(count.evaluate(ReportFixture.consistent2021()
                .overview("全年共收到政府信息公开申请" + (fresh + carried) + "件。").build())).isEmpty();
        assertThat(count.evaluate(ReportFixture.consistent2021()
                .overview("本年度共收到" + (fresh + 7) + "件政府信息公开申请，均按时答复。").build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
                    assertThat(finding.getExpected()).isEqualTo(Integer.toString(fresh));
                    assertThat(finding.getFound()).isEqualTo(Integer.toString(fresh + 7));
                });
    }

    @Test
    void statedReviewAndLawsuitCountsMustMatchSectionFour() {
        // the fixture has 3 reviews and 1 + 0 lawsuits
        assertThat(count.evaluate(ReportFixture.consistent2021()
                .otherMatters("发生行政复议3件，行政诉讼1件。").build())).isEmpty();
        assertThat(count.evaluate(ReportFixture.consistent2021()
                .otherMatters("发生行政复议5件，行政诉讼1件。").build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getCells()).containsExactly("review.total");
                    assertThat(finding.getExpected()).isEqualTo("3");
                    assertThat(finding.getFound()).isEqualTo("5");
                });
    }

    @Test
    void theItemsOfAnItemisedTotalMustAddUp() {
        String seed000 = "具体包括：工作报告 1 条、法治政府建设信息 8 条、民生保障类信息 15 条、农业补贴类信息 2 条、"
                + "预决算及“三公”经费 4 条、村庄规划类信息 7 条，累计公开信息 %d 条，通过多渠道发布信息。";

        assertThat(sum.evaluate(ReportFixture.consistent2021().overview(seed000.formatted(37)).build())).isEmpty();
        assertThat(sum.evaluate(ReportFixture.consistent2021().overview(seed000.formatted(40)).build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
                    assertThat(finding.getExpected()).isEqualTo("37");
                    assertThat(finding.getFound()).isEqualTo("40");
                });
    }

    @Test
    void aTotalFollowedByItsItemsIsCheckedAndATotalWithoutItemsIsNot() {
        assertThat(sum.evaluate(ReportFixture.consistent2021()
                .overview("全年共公开信息12条，其中工作动态5条、通知公告4条。").build())).hasSize(1);
        assertThat(sum.evaluate(ReportFixture.consistent2021().overview("全年共公开信息12条。").build())).isEmpty();
    }
}
