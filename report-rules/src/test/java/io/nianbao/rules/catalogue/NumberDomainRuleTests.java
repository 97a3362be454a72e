package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.DecisionCounts;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;

class NumberDomainRuleTests {
    private final NumberDomainRule rule = new NumberDomainRule();

    @Test
    void aReportWithoutNegativeFiguresHasNoFinding() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void everyNegativeSectionThreeOrFourCellIsOneFinding() {
        List<Finding> findings = rule.evaluate(ReportFixture.consistent2021()
                .cell("granted", 2, -1).cell("denied.queryMatters", 6, -3)
                .caseGroup("review", 1, 1, 0, -1, 1).build());

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactly("applications.granted[2]", "applications.denied.queryMatters[6]", "review.pending");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("NUM-DOMAIN");
            assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(finding.getExpected()).isEqualTo(">= 0");
        });
        assertThat(findings).extracting(Finding::getFound).containsExactly("-1", "-3", "-1");
    }

    @Test
    void sectionTwoCountsAndAmountsMustNotBeNegativeButTheSignedChangeMay() {
        ActiveDisclosure active = ActiveDisclosure.newBuilder()
                .setRegulations(DocumentCounts.newBuilder().setNewlyMade(-2).setNewlyPublished(1).build())
                .setLicensing(DecisionCounts.newBuilder().setLastYearItems(40).setChange(-5).setDecisions(30).build())
                .setFees(Fees.newBuilder().setAmountWan(-1.5).setChange(-1).build())
                .build();

        List<Finding> findings = rule.evaluate(ReportFixture.consistent2019().active(active).build());

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactly("active.regulations.newlyMade", "active.fees.amountWan");
        assertThat(findings).extracting(Finding::getFound).containsExactly("-2", "-1.5");
    }

    @Test
    void unreadCellsAreNotNegative() {
        assertThat(rule.evaluate(ReportFixture.consistent2021().cell("granted", 0, null)
                .caseGroup("review", null, null, null, null, null).build())).isEmpty();
    }

    @Test
    void aCountCellPrintedAsAFractionOrANegativeNumberIsOneFindingAsTheParserReadsIt() throws Exception {
        // The seed 000 with 予以公开 自然人 printed 「2.5」 and 行政查询事项 总计 printed 「-2」.
        String text = new String(NumberDomainRuleTests.class.getResourceAsStream("/non-count-cells.txt")
                .readAllBytes(), StandardCharsets.UTF_8);
        ParsedReport report = new ReportParser().parse(text, SourceInfo.ofFile("non-count-cells.txt"));

        List<Finding> findings = rule.evaluate(report);

        assertThat(findings).extracting(f -> f.getCells().get(0))
                .containsExactlyInAnyOrder("applications.granted[0]", "applications.denied.queryMatters[6]");
        assertThat(findings).filteredOn(f -> f.getCells().get(0).equals("applications.granted[0]")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getFound()).isEqualTo("2.5");
                    assertThat(finding.getExpected()).isEqualTo("a non-negative integer");
                });
        assertThat(findings).filteredOn(f -> f.getCells().get(0).equals("applications.denied.queryMatters[6]"))
                .singleElement().satisfies(finding -> assertThat(finding.getFound()).isEqualTo("-2"));
        assertThat(findings).allSatisfy(finding -> assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED));
    }

    @Test
    void notesOfOtherCodesAndWarningsAreNoFinding() {
        ParsedReport report = ParsedReport.newBuilder(ReportFixture.consistent2021().build())
                .setNotes(List.of(new ParseNote(ParseNoteCode.PLACEHOLDER_CELL.name(), "applications.granted[0]", "—",
                        "PLACEHOLDER_CELL applications.granted[0] '—': the cell prints a dash or 无 instead of a figure;"
                                + " it is null.")))
                .setWarnings(List.of("Section 三 row granted appears twice; the first reading was kept."))
                .build();

        assertThat(rule.evaluate(report)).isEmpty();
    }
}
