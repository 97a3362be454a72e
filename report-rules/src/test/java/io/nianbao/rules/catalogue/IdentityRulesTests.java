package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

/** The report's years, template and date: YR-TITLE-PERIOD, YR-BODY, TPL-YEAR, PUB-LATE. */
class IdentityRulesTests {
    private final TitlePeriodRule titlePeriod = new TitlePeriodRule();
    private final BodyYearRule bodyYear = new BodyYearRule();
    private final TemplateYearRule templateYear = new TemplateYearRule();
    private final PublishedLateRule late = new PublishedLateRule();

    @Test
    void aTitleYearThatDiffersFromTheStatisticsPeriodIsAnError() {
        assertThat(titlePeriod.evaluate(ReportFixture.consistent2021().titleAndPeriodYears(2023, 2022).build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.FAILED);
                    assertThat(finding.getExpected()).isEqualTo("2023");
                    assertThat(finding.getFound()).isEqualTo("2022");
                });
        assertThat(titlePeriod.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    @Test
    void anUnreadPeriodIsNotAssessable() {
        assertThat(titlePeriod.evaluate(ReportFixture.consistent2021().titleAndPeriodYears(2023, null).build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE);
                    assertThat(finding.getCells()).containsExactly("periodYear");
                });
    }

    @Test
    void aPublicationDateInsideTheReportedYearIsAnError() {
        assertThat(titlePeriod.evaluate(ReportFixture.consistent2021().publicationDate("2023-12-20").build()))
                .singleElement().satisfies(finding -> assertThat(finding.getFound()).isEqualTo("2023-12-20"));
        assertThat(titlePeriod.evaluate(ReportFixture.consistent2021().publicationDate("2024-01-20").build())).isEmpty();
    }

    @Test
    void theOverviewSpeakingOfTheAgencyInAnotherYearIsAWarning() {
        assertThat(bodyYear.evaluate(ReportFixture.consistent2021().overview("本单位2022年度共主动公开信息30条。").build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
                    assertThat(finding.getFound()).isEqualTo("2022");
                });
        assertThat(bodyYear.evaluate(ReportFixture.consistent2021().overview("本单位2023年度共主动公开信息30条。").build()))
                .isEmpty();
    }

    @Test
    void theTwentyNineteenTemplateInATwentyTwentyOneOrLaterReportIsAnErrorAndTheReverseToo() {
        assertThat(templateYear.evaluate(ReportFixture.consistent2021().template("2019").build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getSeverity()).isEqualTo(Severity.ERROR);
                    assertThat(finding.getExpected()).isEqualTo("2021");
                });
        assertThat(templateYear.evaluate(ReportFixture.consistent2019().template("2021").build()))
                .singleElement().satisfies(finding -> assertThat(finding.getSeverity()).isEqualTo(Severity.ERROR));
        assertThat(templateYear.evaluate(ReportFixture.consistent2021().build())).isEmpty();
        assertThat(templateYear.evaluate(ReportFixture.consistent2019().build())).isEmpty();
    }

    @Test
    void aTwentyNineteenReportOnTheNewTemplateIsOnlyInformational() {
        assertThat(templateYear.evaluate(ReportFixture.consistent2021().year(2019).build()))
                .singleElement().satisfies(finding -> assertThat(finding.getSeverity()).isEqualTo(Severity.INFO));
    }

    @Test
    void anUnrecognisedTemplateIsNotAssessable() {
        assertThat(templateYear.evaluate(ReportFixture.consistent2021().unknownTemplate().build()))
                .singleElement().satisfies(f -> assertThat(f.getOutcome()).isEqualTo(Outcome.NOT_ASSESSABLE));
    }

    @Test
    void aTownshipPublishingAfterThirtyFirstJanuaryIsLateAndACountyGovernmentHasUntilMarch() {
        assertThat(late.evaluate(ReportFixture.consistent2021().publicationDate("2024-02-05").build()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getExpected()).isEqualTo("<= 2024-01-31");
                    assertThat(finding.getFound()).isEqualTo("2024-02-05");
                });
        assertThat(late.evaluate(ReportFixture.consistent2021().publicationDate("2024-01-31").build())).isEmpty();
        assertThat(late.evaluate(ReportFixture.consistent2021().agency("盐池县人民政府")
                .publicationDate("2024-03-20").build())).isEmpty();
        assertThat(late.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }
}
