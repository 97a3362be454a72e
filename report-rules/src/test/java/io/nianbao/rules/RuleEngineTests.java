package io.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;

class RuleEngineTests {
    private final RuleEngine engine = new RuleEngine();

    @Test
    void theCatalogueHoldsTheRulesOfDomainSectionSixOnceEach() {
        assertThat(engine.rules()).extracting(Rule::id).doesNotHaveDuplicates().contains(
                "S3-BALANCE", "S3-ROWTOTAL", "S3-RESULTS", "S4-TOTAL", "NUM-DOMAIN", "PARSE-INCOMPLETE",
                "TPL-YEAR", "TPL-SECTIONS", "TPL-LEGACY", "CELL-MISSING", "S2-2019-BOUNDS", "YR-TITLE-PERIOD",
                "YR-BODY", "PROSE-NONE", "PROSE-COUNT", "PROSE-SUM", "SELF-REF", "SEC5-EMPTY", "SEC6-FEE",
                "PUB-LATE", "SCAN-ONLY", "CARRY-CHAIN", "S2-INFORCE-CHAIN", "COPY-PRIOR", "YOY-JUMP", "PUB-CHANGED");
    }

    @Test
    void consistentReportsOfBothTemplatesAreConsistentWithoutFindings() {
        for (ReportFixture fixture : new ReportFixture[] {ReportFixture.consistent2021(), ReportFixture.consistent2019()}) {
            Validation validation = engine.validate(fixture.build());

            assertThat(validation.findings()).isEmpty();
            assertThat(validation.status()).isEqualTo(ReportStatus.CONSISTENT);
        }
    }

    @Test
    void aReportThatDoesNotAddUpHasErrorsAndOnlyItsFailedErrorsRaiseAlerts() {
        // 99 new applications from natural persons: the balance of column 0 and the row's total break;
        // an unread cell elsewhere makes another identity not assessable
        ParsedReport report = ReportFixture.consistent2021()
                .cell("newApplications", 0, 99)
                .caseGroup("review", 1, 1, 0, null, 3)
                .build();

        Validation validation = engine.validate(report);

        assertThat(validation.status()).isEqualTo(ReportStatus.ERRORS);
        assertThat(validation.alerting()).extracting(Finding::getRuleId)
                .containsExactlyInAnyOrder("S3-BALANCE", "S3-ROWTOTAL");
        assertThat(validation.findings()).filteredOn(f -> f.getOutcome() == Outcome.NOT_ASSESSABLE)
                .extracting(Finding::getRuleId).containsExactly("S4-TOTAL");
        assertThat(validation.alerting()).allMatch(f -> f.getSeverity() == Severity.ERROR);
    }

    @Test
    void aReportWithoutItsApplicationsTableNeedsReviewAndRaisesNoAlert() {
        Validation validation = engine.validate(ReportFixture.consistent2021().withoutApplications().build());

        assertThat(validation.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(validation.alerting()).isEmpty();
        assertThat(validation.findings()).filteredOn(f -> f.getOutcome() == Outcome.NOT_ASSESSABLE)
                .extracting(Finding::getRuleId).containsExactly("S3-BALANCE", "S3-ROWTOTAL", "S3-RESULTS");
    }

    @Test
    void theValidatedReportCarriesTheReportFindingsStatusAndRulesVersionAndIsAValidRecord() {
        ParsedReport report = ReportFixture.consistent2019().caseGroup("review", 0, 0, 0, 0, 4).build();
        Instant validatedAt = Instant.parse("2024-02-01T10:15:30Z");

        ValidatedReport validated = engine.validate(report).toValidatedReport(validatedAt);

        assertThat(validated.getReport()).isEqualTo(report);
        assertThat(validated.getStatus()).isEqualTo("errors");
        assertThat(validated.getFindings()).extracting(Finding::getRuleId).containsExactly("S4-TOTAL");
        assertThat(validated.getRulesVersion()).isEqualTo(RuleEngine.RULES_VERSION);
        assertThat(validated.getValidatedAt()).isEqualTo(validatedAt);
        AvroCodec<ValidatedReport> codec = AvroCodec.of(ValidatedReport.class);
        assertThat(codec.decode(codec.encode(validated))).isEqualTo(validated);
    }
}
