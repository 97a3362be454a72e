package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

/** The report's shape and wording: TPL-SECTIONS, TPL-LEGACY, CELL-MISSING, S2-2019-BOUNDS, SELF-REF, SEC5-EMPTY, SEC6-FEE. */
class ShapeRulesTests {

    @Test
    void aMissingTableSectionIsAnErrorAndAMissingProseSectionAWarning() {
        assertThat(new SectionsRule().evaluate(ReportFixture.consistent2021().sectionsFound("1", "2", "3", "5").build()))
                .extracting(Finding::getExpected, Finding::getSeverity)
                .containsExactly(tuple("4", Severity.ERROR),
                        tuple("6", Severity.WARN));
        assertThat(new SectionsRule().evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void aTableNotReadUnderItsHeadingIsAWarning() {
        assertThat(new SectionsRule().evaluate(ReportFixture.consistent2021().withoutApplications().build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
                    assertThat(finding.getExpected()).isEqualTo("applications");
                });
    }

    @Test
    void aCurrentReportWithoutTheTemplatesSectionsAndTablesUsesALegacyStructure() {
        ReportFixture legacy = ReportFixture.consistent2021().sectionsFound("1").withoutApplications()
                .withoutCaseGroup("review").withoutCaseGroup("litigationDirect").withoutCaseGroup("litigationAfterReview")
                .active(null);

        assertThat(new LegacyStructureRule().evaluate(legacy.build())).singleElement()
                .satisfies(finding -> assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED));
        assertThat(new LegacyStructureRule().evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void blankCellsAreListedAsMissing() {
        Finding finding = new MissingCellRule().evaluate(ReportFixture.consistent2021()
                .cell("granted", 2, null).caseGroup("review", 1, null, 0, 1, 3).build()).get(0);

        assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(finding.getCells()).containsExactly("applications.granted[2]", "review.corrected");
        assertThat(new MissingCellRule().evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void aTableNotReadAtAllIsNoListOfMissingCells() {
        assertThat(new MissingCellRule().evaluate(ReportFixture.consistent2021().withoutApplications().build())).isEmpty();
    }

    @Test
    void moreNewlyPublishedThanPublishedInTotalIsAWarningAndMoreThanMadeInformational() {
        DocumentCounts counts = DocumentCounts.newBuilder().setNewlyMade(1).setNewlyPublished(3).setTotalPublished(2).build();
        ActiveDisclosure active = ActiveDisclosure.newBuilder().setRegulations(counts).setNormativeDocuments(counts).build();

        assertThat(new PublishedCountsRule().evaluate(ReportFixture.consistent2019().active(active).build()))
                .extracting(Finding::getSeverity)
                .containsExactly(Severity.WARN, Severity.INFO, Severity.WARN, Severity.INFO);
        assertThat(new PublishedCountsRule().evaluate(ReportFixture.consistent2019().build())).isEmpty();
    }

    @Test
    void aTownshipCallingItselfABureauIsAWarning() {
        assertThat(new SelfReferenceRule().evaluate(ReportFixture.consistent2021().overview("我局积极配合上级部门。").build()))
                .singleElement().satisfies(finding -> assertThat(finding.getFound()).isEqualTo("我局"));
        assertThat(new SelfReferenceRule().evaluate(ReportFixture.consistent2021().agency("盐池县财政局")
                .overview("我局积极配合上级部门。").build())).isEmpty();
    }

    @Test
    void aSectionFiveThatSaysOnlyNoneIsAWarningAndAnUnreadOneNotAssessable() {
        assertThat(new EmptyProblemsRule().evaluate(ReportFixture.consistent2021().problems("无。").build()))
                .singleElement().satisfies(finding -> assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED));
        assertThat(new EmptyProblemsRule().evaluate(ReportFixture.consistent2021().problems(null).build()))
                .singleElement().satisfies(finding -> assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE));
        assertThat(new EmptyProblemsRule().evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void aSectionSixSilentOnProcessingFeesIsInformational() {
        assertThat(new FeeStatementRule().evaluate(ReportFixture.consistent2021().otherMatters("无。").build()))
                .singleElement().satisfies(finding -> assertThat(finding.getSeverity()).isEqualTo(Severity.INFO));
        assertThat(new FeeStatementRule().evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }
}
