package io.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;

class RuleEngineTests {
    /** Prose long enough for the copy rules to compare. */
    private static final String PROSE = "本年度，县政府办公室认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
            + "不公开为例外，围绕优化营商环境、乡村振兴和民生保障等重点领域，通过县政府门户网站、政务新媒体和政务服务中心"
            + "主动公开政府信息，依申请公开办理流程规范，答复及时，政府信息管理和平台建设持续加强，监督保障机制不断完善。";

    private final RuleEngine engine = new RuleEngine();
    /** A county government's report, its history giving every rule that reads one a finding. */
    private final ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("1".repeat(64))
            .overview(PROSE).build();

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

    @Test
    void aRuleReadsNoPartOfTheHistoryButThoseItNames() {
        History whole = wholeHistory(List.of(new CountyFigures("5".repeat(64), false, List.of(100, 10, 10, 10))));
        assertThat(engine.validate(county, whole).findings()).extracting(Finding::getRuleId)
                .as("the history gives each rule that reads it something to find")
                .contains("COPY-PRIOR", "COPY-PEER", "HIER-SUM", "PUB-CHANGED");

        for (Rule rule : engine.rules()) {
            for (History.Part part : History.Part.values()) {
                if (!rule.reads().contains(part)) {
                    assertThat(rule.evaluate(county, without(whole, part))).as("%s without %s", rule.id(), part)
                            .isEqualTo(rule.evaluate(county, whole));
                }
            }
        }
    }

    @Test
    void aReportJudgedAgainAfterItsPartsChangedHasTheFindingsOfAWholeJudgmentInTheirOrder() {
        List<CountyFigures> before = List.of(new CountyFigures("5".repeat(64), false, List.of(10, 1, 0, 0)));
        List<CountyFigures> after = List.of(before.get(0),
                new CountyFigures("6".repeat(64), false, List.of(90, 9, 9, 9)));
        Validation earlier = engine.validate(county, wholeHistory(before));

        Validation again = engine.revalidate(county, new History(null, null, null, List.of(), after),
                earlier.findings(), Set.of(History.Part.PARTS));

        Validation whole = engine.validate(county, wholeHistory(after));
        assertThat(earlier.findings()).extracting(Finding::getRuleId).doesNotContain("HIER-SUM");
        assertThat(again.findings()).isEqualTo(whole.findings()).extracting(Finding::getRuleId).contains("HIER-SUM");
        assertThat(again.status()).isEqualTo(whole.status());
        assertThat(engine.partsReadAlong(Set.of(History.Part.PARTS))).containsExactly(History.Part.PARTS);
    }

    @Test
    void aReportJudgedAgainAfterItsPeersChangedLooksUpWhatCopyPeerReadsAndKeepsTheRest() {
        History whole = wholeHistory(List.of());
        Validation earlier = engine.validate(county, new History(whole.previousYear(), null, whole.sameYearPrevious(),
                List.of(), List.of(), whole.fingerprintPeers()));
        Set<History.Part> read = engine.partsReadAlong(Set.of(History.Part.PEERS));

        Validation again = engine.revalidate(county, new History(null, null, null, whole.peers(), List.of(),
                whole.fingerprintPeers()), earlier.findings(), Set.of(History.Part.PEERS));

        assertThat(read).containsExactlyInAnyOrder(History.Part.PEERS, History.Part.FINGERPRINT_PEERS);
        assertThat(again.findings()).isEqualTo(engine.validate(county, whole).findings());
    }

    /**
     * The county report's history: its year before with the same prose (COPY-PRIOR), an earlier version of the
     * same year (PUB-CHANGED), a near copy of another agency's kept here and one kept elsewhere (COPY-PEER), and
     * the county's {@code parts}.
     */
    private History wholeHistory(List<CountyFigures> parts) {
        ParsedReport previousYear = ReportFixture.consistent2021().agency("盐池县人民政府").year(2022)
                .reportId("2".repeat(64)).overview(PROSE).build();
        ParsedReport earlierVersion = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("3".repeat(64))
                .overview(PROSE).cell("newApplications", 0, 5).build();
        ParsedReport copy = ReportFixture.consistent2021().agency("盐池县教育局").reportId("4".repeat(64))
                .overview(PROSE.replace("县政府办公室", "县教育局")).build();
        return new History(previousYear, null, earlierVersion, List.of(copy), parts,
                List.of(new FingerprintPeer("41|开封市鼓楼区人民政府|2023", "410204", "7".repeat(64), "开封市鼓楼区人民政府",
                        2023, 0.95)));
    }

    private static History without(History history, History.Part part) {
        return new History(part == History.Part.PREVIOUS_YEAR ? null : history.previousYear(),
                part == History.Part.NEXT_YEAR ? null : history.nextYear(),
                part == History.Part.SAME_YEAR_PREVIOUS ? null : history.sameYearPrevious(),
                part == History.Part.PEERS ? List.of() : history.peers(),
                part == History.Part.PARTS ? List.of() : history.parts(),
                part == History.Part.FINGERPRINT_PEERS ? List.of() : history.fingerprintPeers());
    }
}
