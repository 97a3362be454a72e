package io.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReportGeneratorTests {
    @Test
    void sameSeedGivesTheSameReportsAndAnotherSeedOthers() {
        List<LabelledReport> first = new ReportGenerator(7, 0.3).reports(20);

        assertThat(new ReportGenerator(7, 0.3).reports(20)).isEqualTo(first);
        assertThat(new ReportGenerator(7, 0.3).report(13)).isEqualTo(first.get(13));
        assertThat(new ReportGenerator(8, 0.3).reports(20)).doesNotContainAnyElementsOf(first);
    }

    @Test
    void consistentReportsSatisfyEveryIdentityAndCarryNonZeroFigures() {
        List<LabelledReport> reports = new ReportGenerator(11, 0).reports(150);

        assertThat(reports).allSatisfy(report -> {
            assertThat(report.consistent()).isTrue();
            assertThat(Identities.broken(report.truth())).as(report.id()).isEmpty();
            assertThat(report.truth().getApplications().getNewApplications().get(6)).isPositive();
            assertThat(report.truth().getNarrative().getOverview())
                    .contains("收到政府信息公开申请" + report.truth().getApplications().getNewApplications().get(6) + "件");
        });
        assertThat(reports).extracting(report -> report.truth().getTemplate()).contains("2019", "2021");
        assertThat(reports).extracting(report -> report.truth().getAgency())
                .anyMatch(agency -> agency.endsWith("镇人民政府"))
                .anyMatch(agency -> agency.endsWith("局"))
                .anyMatch(agency -> agency.endsWith("市人民政府"));
    }

    @Test
    void everyInjectionBreaksTheIdentityItNames() {
        List<LabelledReport> reports = new ReportGenerator(12, 1).reports(150);

        Set<Injection> seen = EnumSet.noneOf(Injection.class);
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.injections()).hasSize(1);
            Injection injection = report.injections().get(0);
            seen.add(injection);
            assertThat(Identities.broken(report.truth())).as(report.id() + " " + injection)
                    .contains(injection.ruleId());
        });
        assertThat(seen).containsExactlyInAnyOrder(Injection.values());
    }

    @Test
    void aShareOfReportsIsInjected() {
        long injected = new ReportGenerator(13, 0.3).reports(200).stream().filter(r -> !r.consistent()).count();

        assertThat(injected).isBetween(40L, 80L);
    }

    @Test
    void reportsOfTwentyTwentyNameTheCountyAsItWasThen() {
        List<LabelledReport> reports = new ReportGenerator(14, 0).reports(300);

        assertThat(reports).filteredOn(r -> r.truth().getAgency().startsWith("孟津"))
                .allSatisfy(r -> assertThat(r.truth().getAgency())
                        .startsWith(r.truth().getYear() <= 2020 ? "孟津县" : "孟津区"))
                .isNotEmpty();
    }
}
