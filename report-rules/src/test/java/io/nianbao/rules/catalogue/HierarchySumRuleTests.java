package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.CountyFigures;
import io.nianbao.rules.History;
import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

class HierarchySumRuleTests {
    private final HierarchySumRule rule = new HierarchySumRule();
    /** The fixture's county report: 一、本年新收 总计 16, 行政复议 总计 3, 直接起诉 1, 复议后起诉 0. */
    private final ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").build();

    @Test
    void aCountyGovernmentCountingFewerApplicationsThanItsTownsAndDepartmentsIsNoted() {
        ParsedReport town = town("盐池县花马池镇人民政府", "640323100", 10);
        ParsedReport department = newApplications(ReportFixture.consistent2021().agency("盐池县教育局"), 9);

        assertThat(rule.evaluate(county, parts(town, department))).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("HIER-SUM");
            assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getCells()).containsExactly("applications.newApplications[6]");
            assertThat(finding.getExpected()).isEqualTo(">= 19");
            assertThat(finding.getFound()).isEqualTo("16");
            assertThat(finding.getMessageZh()).isEqualTo("本级政府报告本年新收政府信息公开申请总计 16 少于本县 2 份部门、乡镇报告之和 19");
        });
    }

    @Test
    void aCountyCountingAtLeastItsPartsIsNoFindingAndAPartsUnreadFigureAddsNothing() {
        ParsedReport town = town("盐池县花马池镇人民政府", "640323100", 16);
        ParsedReport unread = withoutCases(ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府")
                .withoutApplications()).build();

        assertThat(rule.evaluate(county, parts(town, unread))).isEmpty();
    }

    @Test
    void sectionFourCasesAreComparedToo() {
        ParsedReport department = withoutCases(ReportFixture.consistent2021().agency("盐池县公安局")
                .withoutApplications()).caseGroup("review", 2, 2, 0, 0, 4).build();

        assertThat(rule.evaluate(county, parts(department))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getCells()).containsExactly("review.total");
                    assertThat(finding.getExpected()).isEqualTo(">= 4");
                    assertThat(finding.getFound()).isEqualTo("3");
                });
    }

    @Test
    void aCountysUnreadFigureIsNotAssessable() {
        ParsedReport unread = ReportFixture.consistent2021().agency("盐池县人民政府").withoutApplications().build();

        assertThat(rule.evaluate(unread, parts(town("盐池县花马池镇人民政府", "640323100", 0))))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
                    assertThat(finding.getCells()).containsExactly("applications.newApplications[6]");
                });
    }

    @Test
    void onlyACountysOwnGovernmentIsJudgedAndOnlyWithParts() {
        ParsedReport department = newApplications(ReportFixture.consistent2021().agency("盐池县教育局"), 0);
        ParsedReport bigTown = town("盐池县花马池镇人民政府", "640323100", 50);

        assertThat(rule.evaluate(department, parts(bigTown))).isEmpty();
        assertThat(rule.evaluate(county, History.none())).isEmpty();
        assertThat(HierarchySumRule.isCountyGovernment(county)).isTrue();
        assertThat(HierarchySumRule.isCountyGovernment(bigTown)).isFalse();
        assertThat(HierarchySumRule.isCountyGovernment(department)).isFalse();
        // a town whose own code was not resolved is still no county government
        assertThat(HierarchySumRule.isCountyGovernment(
                ReportFixture.consistent2021().agency("盐池县花马池镇人民政府").build())).isFalse();
    }

    @Test
    void theFiguresAHistoryKeepsAreTheGovernmentFlagAndTheFourTotalsOfTheirVersion() {
        ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("c1")
                .cell("newApplications", 6, 12).caseGroup("review", 1, 0, 1, 0, 2)
                .caseGroup("litigationDirect", 0, 0, 0, 3, 3).caseGroup("litigationAfterReview", 0, 1, 0, 0, 1).build();
        ParsedReport unread = withoutCases(ReportFixture.consistent2021().agency("盐池县教育局").reportId("d1")
                .withoutApplications()).build();

        // validate-service keeps these figures and adds them up without their reports: what figuresOf derives
        // changes only with FIGURES_VERSION, so that figures kept under the version before are derived again.
        assertThat(HierarchySumRule.FIGURES_VERSION).as("raised with any change to the figures below").isEqualTo(1);
        assertThat(HierarchySumRule.figuresOf(county)).isEqualTo(new CountyFigures("c1", true, List.of(12, 2, 3, 1)));
        assertThat(HierarchySumRule.figuresOf(unread)).isEqualTo(new CountyFigures("d1", false,
                Arrays.asList(null, null, null, null)));
    }

    private static History parts(ParsedReport... parts) {
        return new History(null, null, null, List.of(), Stream.of(parts).map(HierarchySumRule::figuresOf).toList());
    }

    /** A town of the county whose new applications total {@code total} (its natural persons' column). */
    private static ParsedReport town(String agency, String townCode, int total) {
        return newApplications(ReportFixture.consistent2021().agency(agency).division("640323", townCode), total);
    }

    /** A part whose new applications total {@code total} and whose section 四 was not read. */
    private static ParsedReport newApplications(ReportFixture fixture, int total) {
        return withoutCases(fixture.cell("newApplications", 0, total).cell("newApplications", 6, total)).build();
    }

    private static ReportFixture withoutCases(ReportFixture fixture) {
        return fixture.withoutCaseGroup("review").withoutCaseGroup("litigationDirect")
                .withoutCaseGroup("litigationAfterReview");
    }
}
