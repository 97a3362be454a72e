package io.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.ParsedReport;

class ReportHistoryTests {
    private final ReportHistory history = new ReportHistory();

    @Test
    void aReportFindsTheAgencysPreviousAndNextYearWhateverOrderTheyWereRecordedIn() {
        ParsedReport y2024 = ReportFixture.consistent2021().year(2024).reportId("4".repeat(64)).build();
        ParsedReport y2022 = ReportFixture.consistent2021().year(2022).reportId("2".repeat(64)).build();
        history.record("agency", y2024);
        history.record("agency", y2022);
        history.record("another agency", ReportFixture.consistent2021().reportId("9".repeat(64)).build());

        History found = history.historyOf("agency", ReportFixture.consistent2021().year(2023).build());

        assertThat(found.previousYear()).isEqualTo(y2022);
        assertThat(found.nextYear()).isEqualTo(y2024);
        assertThat(found.sameYearPrevious()).isNull();
    }

    @Test
    void anotherReportForTheSameYearIsTheRevisedOneButTheSameReportAgainIsNot() {
        ParsedReport first = ReportFixture.consistent2021().reportId("a".repeat(64)).build();
        ParsedReport second = ReportFixture.consistent2021().reportId("b".repeat(64)).build();
        history.record("agency", first);

        assertThat(history.historyOf("agency", second).sameYearPrevious()).isEqualTo(first);
        assertThat(history.historyOf("agency", first).sameYearPrevious()).isNull();
    }
}
