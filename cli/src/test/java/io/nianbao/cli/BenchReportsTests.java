package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.catalogue.CopyPeerRule;
import io.nianbao.schema.ParsedReport;

class BenchReportsTests {
    private final BenchReports reports = new BenchReports();

    @Test
    void eachReportIsReadAsItsOwnAgencyInTheCountyItWasPutIn() throws Exception {
        ReportParser parser = new ReportParser();
        Set<String> counties = new HashSet<>();
        for (int n = 0; n < 40; n++) {
            BenchReports.BenchReport report = reports.report(n);

            ParsedReport parsed = parser.parse(report.text().getBytes(StandardCharsets.UTF_8),
                    SourceInfo.ofFile("bench-" + n + ".txt"));

            assertThat(parsed.getAgency()).as("report %d", n).isEqualTo(report.agency());
            assertThat(parsed.getDivision().getCountyCode()).as("report %d (%s)", n, report.agency())
                    .isEqualTo(report.county().code());
            counties.add(report.county().code());
        }
        assertThat(counties).as("consecutive reports go to counties far apart").hasSize(40);
    }

    /**
     * Generated prose repeats itself now and then (its phrases are few), so a pair may be near-identical, as copies
     * are in life; but not every report a copy of many others, as the same few sample texts under new names were.
     */
    @Test
    void nearCopiesAreRare() throws Exception {
        assertNearCopiesRare(reports);
    }

    @Test
    void nearCopiesAreRareAmongRealSizedReports() throws Exception {
        assertNearCopiesRare(BenchReports.realSized());
    }

    private static void assertNearCopiesRare(BenchReports reports) throws Exception {
        ReportParser parser = new ReportParser();
        List<ParsedReport> parsed = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            parsed.add(parser.parse(reports.report(n).text().getBytes(StandardCharsets.UTF_8),
                    SourceInfo.ofFile("bench-" + n + ".txt")));
        }
        int pairs = 0;
        int nearCopies = 0;
        for (int a = 0; a < parsed.size(); a++) {
            for (int b = a + 1; b < parsed.size(); b++) {
                pairs++;
                nearCopies += CopyPeerRule.nearIdentical(parsed.get(a), parsed.get(b)) ? 1 : 0;
            }
        }
        assertThat(nearCopies).as("near-identical pairs of %d", pairs).isLessThan(pairs / 50);
    }

    /**
     * Real-sized, a report's narrative is as long as a real report's, and the prose added changes nothing the rules
     * find in it alone: each report is read as the same agency and, judged alone, gets the findings of its generated
     * text.
     */
    @Test
    void aRealSizedReportHasARealNarrativeAndTheFindingsOfItsGeneratedText() throws Exception {
        ReportParser parser = new ReportParser();
        RuleEngine engine = new RuleEngine();
        BenchReports realSized = BenchReports.realSized();
        for (int n = 0; n < 20; n++) {
            ParsedReport generated = parser.parse(reports.report(n).text().getBytes(StandardCharsets.UTF_8),
                    SourceInfo.ofFile("bench-" + n + ".txt"));
            ParsedReport padded = parser.parse(realSized.report(n).text().getBytes(StandardCharsets.UTF_8),
                    SourceInfo.ofFile("bench-" + n + ".txt"));

            assertThat(padded.getNarrative().getOverview().length() - generated.getNarrative().getOverview().length())
                    .as("report %d", n).isBetween(BenchReports.REAL_PROSE_ADDED, 2 * BenchReports.REAL_PROSE_ADDED);
            assertThat(padded.getAgency()).isEqualTo(generated.getAgency());
            assertThat(padded.getDivision()).isEqualTo(generated.getDivision());
            assertThat(findings(engine, padded)).as("report %d", n).isEqualTo(findings(engine, generated));
        }
    }

    @Test
    void aRealSizedReportIsNoNearCopyOfItsGeneratedText() throws Exception {
        ReportParser parser = new ReportParser();
        ParsedReport generated = parser.parse(reports.report(7).text().getBytes(StandardCharsets.UTF_8),
                SourceInfo.ofFile("bench-7.txt"));
        ParsedReport padded = parser.parse(BenchReports.realSized().report(7).text().getBytes(StandardCharsets.UTF_8),
                SourceInfo.ofFile("bench-7.txt"));

        assertThat(CopyPeerRule.nearIdentical(generated, padded)).isFalse();
    }

    private static List<String> findings(RuleEngine engine, ParsedReport report) {
        return engine.validate(report).findings().stream()
                .map(finding -> finding.getRuleId() + " " + finding.getOutcome() + " " + finding.getCells() + " "
                        + finding.getExpected() + " " + finding.getFound())
                .toList();
    }

    @Test
    void aRunUploadsTheSameReportsAsTheRunBefore() {
        assertThat(new BenchReports().report(123)).isEqualTo(reports.report(123));
    }

    @Test
    void theAgencyIsReplacedEverywhereTheTextNamesIt() {
        String text = "盐池县花马池镇2023年政府信息公开工作年度报告\n盐池县花马池镇认真贯彻……\n";

        assertThat(BenchReports.renamed(text, "北京市东城区财政局"))
                .isEqualTo("北京市东城区财政局2023年政府信息公开工作年度报告\n北京市东城区财政局认真贯彻……\n");
    }

    @Test
    void aTextWithoutATitledAgencyCannotBeRenamed() {
        assertThatThrownBy(() -> BenchReports.renamed("没有标题", "X")).isInstanceOf(IllegalArgumentException.class);
    }
}
