package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Division;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

class DivisionRulesTests {
    private final DivisionStaleRule stale = new DivisionStaleRule();
    private final DivisionAmbiguousRule ambiguous = new DivisionAmbiguousRule();

    @Test
    void aDivisionNameNotInUseInTheReportYearIsStale() {
        ParsedReport report = ParsedReport.newBuilder(ReportFixture.consistent2021().year(2023).build())
                .setNotes(List.of(new ParseNote(ParseNoteCode.DIVISION_STALE.name(), "division", "孟津县 (410322)",
                        "Division: 孟津县 (410322) is not a name in use in 2023 by the NBS tables (they have it in 2020).")))
                .build();

        List<Finding> findings = stale.evaluate(report);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("DIV-STALE");
            assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
            assertThat(finding.getCells()).containsExactly("division");
            assertThat(finding.getFound()).isEqualTo("孟津县 (410322)");
            assertThat(finding.getExpected()).isEqualTo("a division name in use in 2023");
            assertThat(finding.getMessageEn()).contains("in 2020");
        });
    }

    @Test
    void aDivisionInUseThatYearOrOtherDivisionNotesAreNotStale() {
        ParsedReport report = withWarnings(ReportFixture.consistent2021().build(),
                "Division: The province hint 'x' is not a province code or name; it is ignored.");

        assertThat(stale.evaluate(report)).isEmpty();
    }

    @Test
    void anAgencyNameMatchingSeveralDivisionsListsThemAll() {
        ParsedReport report = ParsedReport.newBuilder(ReportFixture.consistent2021().agency("洪山镇人民政府").build())
                .setDivision(Division.newBuilder().setStatus("ambiguous").setCandidates(List.of("420111", "360824")).build())
                .build();

        assertThat(ambiguous.evaluate(report)).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("DIV-AMBIG");
            assertThat(finding.getFound()).isEqualTo("420111, 360824");
        });
    }

    @Test
    void anUnresolvedAgencyIsReportedAndAResolvedOneIsNot() {
        assertThat(ambiguous.evaluate(ReportFixture.consistent2021().unresolvedDivision().build()))
                .extracting(Finding::getFound).containsExactly("none");
        assertThat(ambiguous.evaluate(ReportFixture.consistent2021().build())).isEmpty();
    }

    private static ParsedReport withWarnings(ParsedReport report, String... warnings) {
        return ParsedReport.newBuilder(report).setWarnings(List.of(warnings)).build();
    }
}
