package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Alert;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Finding;
import io.nianbao.schema.KeptVerdict;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.Severity;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.repository.PartitionHistory;
import io.nianbao.validate.stream.TopologyHarness.Received;
import io.nianbao.validate.stream.TopologyHarness.Sink;

class ValidationTopologyTests {
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);
    private static final AvroCodec<KeptVerdict> VERDICTS = AvroCodec.of(KeptVerdict.class);
    /** A county government's report counting 16 new applications, and one of its towns' counting 47. */
    private static final ParsedReport COUNTY_OF_THE_TOWN = ReportFixture.consistent2021().agency("测试县人民政府")
            .reportId("c1".repeat(32)).division("649999", null).build();
    private static final ParsedReport TOWN = ReportFixture.consistent2021().agency("测试县测试镇人民政府")
            .reportId("c2".repeat(32)).division("649999", "649999100").cell("newApplications", 0, 40)
            .cell("newApplications", 6, 47).build();

    @TempDir
    Path stateDir;

    private TopologyHarness harness;
    private Sink<ValidatedReport> validated;
    private Sink<Alert> alerts;
    private Sink<DeadLetter> deadLetters;
    private Sink<ReportHistoryEntry> historyEntries;

    @BeforeEach
    void startTopology() {
        harness = new TopologyHarness(new RuleEngine(), stateDir);
        validated = harness.validated;
        alerts = harness.alerts;
        deadLetters = harness.deadLetters;
        historyEntries = harness.historyEntries;
    }

    @AfterEach
    void closeTopology() {
        harness.close();
    }

    @Test
    void anInconsistentReportIsPublishedWithStatusErrorsAndOneAlertPerFailedError() {
        // 99 new applications from natural persons: the balance of column 0 and the row's total break
        ParsedReport report = ReportFixture.consistent2021().reportId("a".repeat(64))
                .cell("newApplications", 0, 99).build();
        double errorsBefore = counter(ValidationProcessor.REPORTS_VALIDATED, "status", "errors");
        double balanceAlertsBefore = counter(ValidationProcessor.ALERTS_RAISED, "rule", "S3-BALANCE");

        send(record("64|盐池县花马池镇人民政府", CODEC.encode(report), null));

        assertThat(validated.received()).hasSize(1);
        assertThat(alerts.received()).hasSize(2);
        ValidatedReport verdict = validated.received().get(0).getPayload();
        assertThat(verdict.getReport()).isEqualTo(report);
        assertThat(verdict.getStatus()).isEqualTo("errors");
        assertThat(verdict.getRulesVersion()).isEqualTo(RuleEngine.RULES_VERSION);
        assertThat(verdict.getFindings()).filteredOn(f -> f.getOutcome() == Outcome.FAILED)
                .extracting(Finding::getRuleId).containsExactlyInAnyOrder("S3-BALANCE", "S3-ROWTOTAL");

        List<Alert> raised = alerts.received().stream().map(Received::getPayload).toList();
        assertThat(raised).extracting(a -> a.getFinding().getRuleId())
                .containsExactlyInAnyOrder("S3-BALANCE", "S3-ROWTOTAL");
        assertThat(raised).allSatisfy(alert -> {
            assertThat(alert.getReportId()).isEqualTo(report.getReportId());
            assertThat(alert.getAgency()).isEqualTo(report.getAgency());
            assertThat(alert.getYear()).isEqualTo(report.getYear());
            assertThat(alert.getProvinceCode()).isEqualTo("64");
            assertThat(alert.getSourceUrl()).isEqualTo(report.getSource().getUrl());
            assertThat(alert.getFinding().getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(alert.getAlertId()).matches("[0-9a-f]{64}");
        });
        assertThat(raised).extracting(Alert::getAlertId).doesNotHaveDuplicates();

        assertThat(validated.received()).allSatisfy(m -> assertKeyAndProvince(m, "64|盐池县花马池镇人民政府", "64"));
        assertThat(alerts.received()).allSatisfy(m -> assertKeyAndProvince(m, "64|盐池县花马池镇人民政府", "64"));
        assertThat(counter(ValidationProcessor.REPORTS_VALIDATED, "status", "errors")).isEqualTo(errorsBefore + 1);
        assertThat(counter(ValidationProcessor.ALERTS_RAISED, "rule", "S3-BALANCE")).isEqualTo(balanceAlertsBefore + 1);
    }

    @Test
    void aRedeliveredReportRaisesTheSameAlertIds() {
        byte[] value = CODEC.encode(ReportFixture.consistent2021().reportId("b".repeat(64))
                .caseGroup("review", 1, 0, 0, 0, 2).build());

        send(record("key", value, null));
        send(record("key", value, null));

        assertThat(alerts.received()).hasSize(2);
        assertThat(alerts.received()).extracting(m -> m.getPayload().getAlertId()).containsOnly(
                alerts.received().get(0).getPayload().getAlertId());
    }

    @Test
    void aConsistentReportIsPublishedWithoutAlert() {
        ParsedReport report = ReportFixture.consistent2019().reportId("c".repeat(64)).build();

        send(record("64|盐池县惠安堡镇人民政府", CODEC.encode(report), null));

        assertThat(validated.received()).singleElement()
                .satisfies(m -> assertThat(m.getPayload().getStatus()).isEqualTo("consistent"));
        assertThat(alerts.received()).isEmpty();
        assertThat(deadLetters.received()).isEmpty();
    }

    @Test
    void anUnresolvedDivisionKeepsTheProvinceTheRecordCameWith() {
        ParsedReport report = ReportFixture.consistent2021().reportId("d".repeat(64)).unresolvedDivision()
                .caseGroup("litigationDirect", 0, 0, 0, 0, 1).build();

        send(record("|#" + report.getReportId(), CODEC.encode(report), "33"));

        assertThat(validated.received()).hasSize(1);
        assertThat(alerts.received()).hasSize(1);
        assertKeyAndProvince(validated.received().get(0), "|#" + report.getReportId(), "33");
        // the alert's province is the resolved division's only: a hint is not a resolution
        assertThat(alerts.received().get(0).getPayload().getProvinceCode()).isNull();
    }

    @Test
    void garbageIsDeadLetteredWithItsReasonAndBytes() {
        byte[] garbage = "these bytes are no Avro record".getBytes(StandardCharsets.UTF_8);

        send(record("broken", garbage, "64"));

        assertThat(deadLetters.received()).singleElement().satisfies(message -> {
            DeadLetter letter = message.getPayload();
            assertThat(letter.getStage()).isEqualTo("validate");
            assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD");
            assertThat(letter.getReason()).contains("ParsedReport");
            assertThat(letter.getOriginalTopic()).isEqualTo(Topics.PARSED);
            // the driver's partition and offset: the first record of partition 0
            assertThat(letter.getOriginalPartition()).isEqualTo(0);
            assertThat(letter.getOriginalOffset()).isEqualTo(0L);
            assertThat(letter.getOriginalKey()).isEqualTo("broken");
            byte[] original = new byte[letter.getOriginalValue().remaining()];
            letter.getOriginalValue().duplicate().get(original);
            assertThat(original).isEqualTo(garbage);
            assertKeyAndProvince(message, "broken", "64");
        });
        assertThat(validated.received()).isEmpty();
        assertThat(alerts.received()).isEmpty();
    }

    @Test
    void theEarlierYearArrivingAfterTheLaterOneJudgesTheLaterYearAgainWithTheCarryOverChain() {
        String key = "64|后到的上一年度镇";
        // the fixture carries over (2,1,0,0,0,0 | 3) but forward (1,0,0,0,1,0 | 2): 2023 → 2024 does not chain
        ParsedReport later = ReportFixture.consistent2021().year(2024).reportId("4".repeat(64)).build();
        ParsedReport earlier = ReportFixture.consistent2021().year(2023).reportId("3".repeat(64)).build();

        send(record(key, CODEC.encode(later), null));
        assertThat(historyEntries.received()).hasSize(1);
        assertThat(validated.received().get(0).getPayload().getFindings()).extracting(Finding::getRuleId)
                .doesNotContain("CARRY-CHAIN");
        assertThat(historyEntries.received().get(0).key()).isEqualTo(key + "|2024");

        send(record(key, CODEC.encode(earlier), null));

        assertThat(validated.received()).hasSize(3);
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(later);
        assertThat(again.getFindings()).filteredOn(f -> f.getRuleId().equals("CARRY-CHAIN"))
                .extracting(Finding::getFound).containsExactly("2", "1", "0", "3");
        assertThat(validated.received().get(1).getPayload().getReport()).isEqualTo(earlier);
        assertThat(historyEntries.received()).hasSize(2);
    }

    @Test
    void aRevisedReportForTheSameAgencyAndYearRaisesAnAlertNamingWhatChanged() {
        String key = "64|修改已发布报告的镇";
        send(record(key, CODEC.encode(ReportFixture.consistent2021().reportId("6".repeat(64)).build()), null));
        assertThat(validated.received()).hasSize(1);

        send(record(key, CODEC.encode(ReportFixture.consistent2021().reportId("7".repeat(64))
                .problems("存在的问题：信息发布不够及时。改进情况：已全部整改到位。").build()), null));

        assertThat(alerts.received()).hasSize(1);
        Finding revision = alerts.received().get(0).getPayload().getFinding();
        assertThat(revision.getRuleId()).isEqualTo("PUB-CHANGED");
        assertThat(revision.getCells()).containsExactly("narrative.problems");
        assertThat(revision.getExpected()).isEqualTo("6".repeat(64));
        assertThat(revision.getFound()).isEqualTo("7".repeat(64));
    }

    @Test
    void theHistoryRestoredFromTheChangelogIsThePreviousYearOfTheNextReport() {
        String key = "64|历史条目中已有上一年度的镇";
        // a 2022 entry (carrying forward what the 2023 fixture does not carry over), as an instance taking the
        // partition over restores it into its store
        ReportHistoryEntry lastYear = ReportHistoryEntry.newBuilder()
                .setReport(ReportFixture.consistent2021().year(2022).reportId("8".repeat(64)).build()).build();
        harness.store(PartitionHistory.AGENCY_YEARS).put(key + "|2022",
                AvroCodec.of(ReportHistoryEntry.class).encode(lastYear));

        send(record(key, CODEC.encode(ReportFixture.consistent2021().reportId("9".repeat(64)).build()), null));

        assertThat(validated.received()).hasSize(1);
        assertThat(validated.received().get(0).getPayload().getFindings()).extracting(Finding::getRuleId)
                .contains("CARRY-CHAIN");
    }

    @Test
    void aRevisedReportKeepsItsRevisionWhenJudgedAgainOnceItsYearBeforeArrives() {
        String key = "64|修改后又收到上一年度的镇";
        send(record(key, CODEC.encode(ReportFixture.consistent2021().reportId("b".repeat(64)).build()), null));
        ParsedReport revised = ReportFixture.consistent2021().reportId("c".repeat(64))
                .problems("存在的问题：信息发布不够及时。改进情况：已全部整改到位。").build();
        send(record(key, CODEC.encode(revised), null));
        assertThat(historyEntries.received()).hasSize(2);
        assertThat(historyEntries.received().get(1).getPayload().getRevisionFindings())
                .extracting(Finding::getRuleId).containsExactly("PUB-CHANGED");

        send(record(key, CODEC.encode(ReportFixture.consistent2021().year(2022).reportId("d".repeat(64)).build()), null));

        assertThat(validated.received()).hasSize(4);
        ValidatedReport again = validated.received().get(3).getPayload();
        assertThat(again.getReport()).isEqualTo(revised);
        assertThat(again.getFindings()).extracting(Finding::getRuleId).contains("PUB-CHANGED", "CARRY-CHAIN");
        assertThat(again.getStatus()).isEqualTo("warnings");
    }

    private static final String PROSE = "本年度，我镇坚持以公开为常态、不公开为例外，围绕决策、执行、管理、服务、结果等关键环节，深入推进政府信息"
            + "公开工作。全年通过镇政府门户网站、微信公众号等平台主动公开政府信息，涵盖工作报告、法治政府建设、民生保障、农业补贴、"
            + "预决算及三公经费、村庄规划等方面，依申请公开流程规范有序，信息管理机制持续完善，平台建设成效显著提升。";
    private static final ParsedReport ORIGINAL = ReportFixture.consistent2021().agency("盐池县青山乡人民政府")
            .reportId("e1".repeat(32)).overview(PROSE).build();
    private static final ParsedReport NEAR_COPY = ReportFixture.consistent2021().agency("盐池县麻黄山乡人民政府")
            .reportId("e2".repeat(32)).overview(PROSE.replace("我镇", "本乡")).build();

    @Test
    void aReportNearlyRepeatingAnotherAgencysJudgesTheEarlierArrivedOneAgainSoBothAreFlagged() {
        ParsedReport first = ORIGINAL;
        ParsedReport copy = NEAR_COPY;

        send(record("64|先到的青山乡", CODEC.encode(first), null));
        assertThat(historyEntries.received()).hasSize(1);
        assertThat(validated.received().get(0).getPayload().getFindings()).extracting(Finding::getRuleId)
                .doesNotContain("COPY-PEER");

        send(record("64|后到的麻黄山乡", CODEC.encode(copy), null));

        assertThat(validated.received()).hasSize(3);
        assertThat(validated.received().get(1).getPayload().getFindings())
                .filteredOn(f -> f.getRuleId().equals("COPY-PEER")).extracting(Finding::getFound)
                .containsExactly("盐池县青山乡人民政府 2023 (" + "e1".repeat(32) + ")");
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(first);
        assertThat(again.getFindings()).filteredOn(f -> f.getRuleId().equals("COPY-PEER"))
                .extracting(Finding::getFound).containsExactly("盐池县麻黄山乡人民政府 2023 (" + "e2".repeat(32) + ")");
        assertKeyAndProvince(validated.received().get(2), "64|先到的青山乡", "64");
        assertThat(historyEntries.received()).hasSize(2);
    }

    @Test
    void aTownArrivingAfterItsCountyJudgesTheCountyGovernmentAgainWithItsParts() {
        ParsedReport countyOfTheTown = COUNTY_OF_THE_TOWN;
        ParsedReport town = TOWN;

        send(record("64|测试县", CODEC.encode(countyOfTheTown), null));
        assertThat(historyEntries.received()).hasSize(1);
        assertThat(validated.received().get(0).getPayload().getFindings()).extracting(Finding::getRuleId)
                .doesNotContain("HIER-SUM");

        send(record("64|测试镇", CODEC.encode(town), null));

        assertThat(validated.received()).hasSize(3);
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(countyOfTheTown);
        assertThat(again.getFindings()).filteredOn(f -> f.getRuleId().equals("HIER-SUM"))
                .extracting(Finding::getCells, Finding::getExpected, Finding::getFound)
                .containsExactly(tuple(List.of("applications.newApplications[6]"), ">= 47", "16"));
        assertKeyAndProvince(validated.received().get(2), "64|测试县", "64");
        assertThat(historyEntries.received()).hasSize(2);
    }

    @Test
    void aCountyGovernmentJudgedAgainForItsPartsKeepsItsOtherRulesFindingsFromItsLastVerdict() {
        send(record("64|测试县", CODEC.encode(COUNTY_OF_THE_TOWN), null));
        Finding kept = keptFinding();
        keepVerdict("64|测试县|2023", COUNTY_OF_THE_TOWN.getReportId(), RuleEngine.RULES_VERSION, kept);

        send(record("64|测试镇", CODEC.encode(TOWN), null));

        // Only HIER-SUM read what changed: the finding kept for a rule that judges the report alone is not judged again.
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(COUNTY_OF_THE_TOWN);
        assertThat(again.getFindings()).extracting(Finding::getRuleId).containsExactly("SEC5-EMPTY", "HIER-SUM");
        assertThat(again.getFindings().get(0)).isEqualTo(kept);
        assertThat(again.getStatus()).isEqualTo("warnings");
        assertThat(keptVerdict("64|测试县|2023").getFindings()).isEqualTo(again.getFindings());
    }

    @Test
    void theLaterYearJudgedAgainForItsYearBeforeKeepsItsOtherRulesFindingsFromItsLastVerdict() {
        String key = "64|后到的上一年度镇";
        ParsedReport later = ReportFixture.consistent2021().year(2024).reportId("4".repeat(64)).build();
        send(record(key, CODEC.encode(later), null));
        Finding kept = keptFinding();
        keepVerdict(key + "|2024", later.getReportId(), RuleEngine.RULES_VERSION, kept);

        send(record(key, CODEC.encode(ReportFixture.consistent2021().year(2023).reportId("3".repeat(64)).build()), null));

        // Only the rules that read the year before were judged again: the kept finding is there as it was kept.
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(later);
        assertThat(again.getFindings()).contains(kept).extracting(Finding::getRuleId).contains("CARRY-CHAIN");
    }

    @Test
    void theOriginalJudgedAgainForItsCopyKeepsItsOtherRulesFindingsFromItsLastVerdict() {
        send(record("64|先到的青山乡", CODEC.encode(ORIGINAL), null));
        Finding kept = keptFinding();
        keepVerdict("64|先到的青山乡|2023", ORIGINAL.getReportId(), RuleEngine.RULES_VERSION, kept);

        send(record("64|后到的麻黄山乡", CODEC.encode(NEAR_COPY), null));

        // Only COPY-PEER read what changed (its peers): the kept finding is there as it was kept.
        ValidatedReport again = validated.received().get(2).getPayload();
        assertThat(again.getReport()).isEqualTo(ORIGINAL);
        assertThat(again.getFindings()).extracting(Finding::getRuleId).containsExactly("SEC5-EMPTY", "COPY-PEER");
        assertThat(again.getFindings().get(0)).isEqualTo(kept);
        assertThat(keptVerdict("64|先到的青山乡|2023").getFindings()).isEqualTo(again.getFindings());
    }

    @Test
    void aReportWhoseLastVerdictWasUnderOtherRulesOrOfAnotherReportIsJudgedAgainWhole() {
        send(record("64|测试县", CODEC.encode(COUNTY_OF_THE_TOWN), null));
        keepVerdict("64|测试县|2023", COUNTY_OF_THE_TOWN.getReportId(), "0", keptFinding());
        send(record("64|测试镇", CODEC.encode(TOWN), null));
        keepVerdict("64|测试县|2023", "c3".repeat(32), RuleEngine.RULES_VERSION, keptFinding());
        send(record("64|测试镇", CODEC.encode(ParsedReport.newBuilder(TOWN).setReportId("c4".repeat(32)).build()), null));

        // The county, the town, the county again; the town's other version, the county again.
        assertThat(validated.received()).hasSize(5);
        for (ValidatedReport again : List.of(validated.received().get(2).getPayload(), validated.received().get(4).getPayload())) {
            assertThat(again.getReport()).isEqualTo(COUNTY_OF_THE_TOWN);
            assertThat(again.getFindings()).extracting(Finding::getRuleId).containsExactly("HIER-SUM");
        }
    }

    /** A finding of a rule that judges the report alone, which the county's own report does not give. */
    private static Finding keptFinding() {
        return Finding.newBuilder().setRuleId("SEC5-EMPTY").setSeverity(Severity.WARN).setOutcome(Outcome.FAILED)
                .setMessageZh("第五部分为空（保存的判定）").setMessageEn("Section five is empty (a kept verdict)").build();
    }

    private void keepVerdict(String entryKey, String reportId, String rulesVersion, Finding finding) {
        harness.store(PartitionHistory.VERDICTS).put(entryKey, VERDICTS.encode(KeptVerdict.newBuilder()
                .setReportId(reportId).setRulesVersion(rulesVersion).setFindings(List.of(finding)).build()));
    }

    private KeptVerdict keptVerdict(String entryKey) {
        return VERDICTS.decode(harness.store(PartitionHistory.VERDICTS).get(entryKey));
    }

    @Test
    void aCountysPartKeptBeforeTheIndexKeptItsFiguresIsAddedUpFromItsReport() {
        ParsedReport countyOfTheTown = COUNTY_OF_THE_TOWN;
        ParsedReport town = TOWN;
        send(record("64|测试镇", CODEC.encode(town), null));
        // As a build before the figures kept it: the entry, nothing with it.
        harness.store(PartitionHistory.COUNTY_YEARS).put("649999|2023|64|测试镇|2023", new byte[0]);

        send(record("64|测试县", CODEC.encode(countyOfTheTown), null));

        assertThat(validated.received().get(1).getPayload().getFindings()).filteredOn(f -> f.getRuleId().equals("HIER-SUM"))
                .extracting(Finding::getExpected, Finding::getFound).containsExactly(tuple(">= 47", "16"));
    }

    @Test
    void aCountyYearEntryWithoutItsReportIsNoPartToAddUp() {
        send(record("64|测试镇", CODEC.encode(TOWN), null));
        // An entry left without its agency-year (a store written by hand, or damaged): nothing to derive figures from.
        harness.store(PartitionHistory.COUNTY_YEARS).put("649999|2023|64|不在此的局|2023", new byte[0]);

        send(record("64|测试县", CODEC.encode(COUNTY_OF_THE_TOWN), null));

        assertThat(deadLetters.received()).isEmpty();
        assertThat(validated.received().get(1).getPayload().getFindings()).filteredOn(f -> f.getRuleId().equals("HIER-SUM"))
                .extracting(Finding::getExpected, Finding::getFound).containsExactly(tuple(">= 47", "16"));
    }

    private void send(Input record) {
        harness.send(record.key(), record.value(), record.provinceHeader());
    }

    private record Input(String key, byte[] value, String provinceHeader) {
    }

    private static Input record(String key, byte[] value, String provinceHeader) {
        return new Input(key, value, provinceHeader);
    }

    private static void assertKeyAndProvince(Received<?> message, String key, String province) {
        assertThat(message.key()).isEqualTo(key);
        assertThat(message.header(io.nianbao.schema.RecordHeaders.PROVINCE)).isEqualTo(province);
    }

    private double counter(String name, String tag, String value) {
        var counter = harness.registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
