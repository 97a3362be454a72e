package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.CopyFound;
import io.nianbao.schema.Division;
import io.nianbao.schema.Finding;
import io.nianbao.schema.FingerprintEntry;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.PlacePartitioner;
import io.nianbao.validate.repository.FingerprintIndex;
import io.nianbao.validate.repository.PartitionHistory;
import io.nianbao.validate.stream.TopologyHarness.Received;

/**
 * Copies across counties and provinces: two instances of the topology, each owning the partition of reports.parsed
 * one of the two reports goes to, share nothing but what they publish to reports.fingerprints, which each reads
 * into its global store, and to reports.copies-found.
 */
class CrossPartitionCopyTests {
    /** reports.parsed's partitions as the launcher and docker-compose create them. */
    private static final int PARTITIONS = 12;
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);
    private static final String PROSE = "本年度，我单位坚持以公开为常态、不公开为例外，围绕决策、执行、管理、服务、结果等关键环节，深入推进政府"
            + "信息公开工作。全年通过门户网站、微信公众号等平台主动公开政府信息，涵盖工作报告、法治政府建设、民生保障、农业补贴、"
            + "预决算及三公经费、村庄规划等方面，依申请公开流程规范有序，信息管理机制持续完善，平台建设成效显著提升。";
    /** PROSE's first sentence, then other wording. */
    private static final String REWRITTEN = PROSE.substring(0, PROSE.indexOf('。') + 1)
            + "本街道全年围绕老旧小区改造、惠民补贴发放和社区财务公开，逐项公示补贴对象、标准和金额，接受群众监督。"
            + "街道设立政务公开专栏二十处，群众反映的问题均在十五个工作日内办结，并在专栏公开办理结果。";
    private static final String NINGXIA_KEY = "640323|盐池县青山乡人民政府";
    private static final String HENAN_KEY = "410205|开封市禹王台区新门关街道办事处";

    @TempDir
    Path ningxiaState;
    @TempDir
    Path henanState;

    private TopologyHarness ningxia;
    private TopologyHarness henan;

    @BeforeEach
    void startTwoInstances() {
        ningxia = new TopologyHarness(new RuleEngine(), ningxiaState);
        henan = new TopologyHarness(new RuleEngine(), henanState);
    }

    @AfterEach
    void closeThem() {
        ningxia.close();
        henan.close();
    }

    @Test
    void aCopyOfAReportOfAnotherProvincesPartitionIsFlaggedNamingThatReportWhichItsPartitionJudgesAgain() {
        ParsedReport original = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        ParsedReport copy = henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), PROSE);
        assertThat(partition(NINGXIA_KEY, original)).isNotEqualTo(partition(HENAN_KEY, copy));

        ningxia.send(NINGXIA_KEY, CODEC.encode(original), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());
        henan.send(HENAN_KEY, CODEC.encode(copy), null);

        assertThat(henan.store(PartitionHistory.AGENCY_YEARS).get(HistoryIndex.entryKey(NINGXIA_KEY, 2023))).isNull();
        assertThat(copyFindings(henan.validated.received().get(0))).singleElement().satisfies(finding -> {
            assertThat(finding.getFound()).isEqualTo("盐池县青山乡人民政府 2023 (" + "e1".repeat(32) + ")");
            assertThat(finding.getMessageZh()).contains("盐池县青山乡人民政府2023年度报告 100% 相同");
        });
        // The earlier copy's partition is told, and judges it again before its instance read the later one's
        // fingerprint from the index.
        Received<CopyFound> found = henan.copiesFound.received().get(0);
        assertThat(henan.copiesFound.received()).hasSize(1);
        assertThat(found.key()).isEqualTo(NINGXIA_KEY);
        assertThat(PlacePartitioner.partition(found.key().getBytes(StandardCharsets.UTF_8), found.payload(), PARTITIONS))
                .isEqualTo(partition(NINGXIA_KEY, original));
        assertThat(ningxia.validated.received()).hasSize(1);
        assertThat(copyFindings(ningxia.validated.received().get(0))).isEmpty();

        ningxia.copiesFoundElsewhere(henan.copiesFound.received());

        assertThat(ningxia.validated.received()).hasSize(2);
        Received<ValidatedReport> again = ningxia.validated.received().get(1);
        assertThat(again.key()).isEqualTo(NINGXIA_KEY);
        assertThat(again.getPayload().getReport()).isEqualTo(original);
        assertThat(copyFindings(again)).extracting(Finding::getFound, Finding::getMessageZh).containsExactly(tuple(
                "开封市禹王台区新门关街道办事处 2023 (" + "e2".repeat(32) + ")",
                "正文与开封市禹王台区新门关街道办事处2023年度报告 100% 相同，两份报告疑有一份照搬另一份"));
        // Whenever it is judged next (here, delivered again) once its instance read the index, the same.
        ningxia.indexFromElsewhere(henan.publishedFingerprints());
        ningxia.send(NINGXIA_KEY, CODEC.encode(original), null);
        assertThat(copyFindings(ningxia.validated.received().get(2))).isEqualTo(copyFindings(again));
        // and, an arrival again, it tells the copy's partition in turn.
        assertThat(ningxia.copiesFound.received()).extracting(told -> told.payload().getReportId())
                .containsExactly("e2".repeat(32));
    }

    @Test
    void aCopyFoundGoesToThePartitionOfTheReportItNamesOrToEveryPartitionWhenItsPlaceIsNotKnown() {
        ParsedReport original = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        CopyFound found = CopyFound.newBuilder().setEntryKey(HistoryIndex.entryKey(NINGXIA_KEY, 2023))
                .setReportId(original.getReportId()).setPlace("640323")
                .setCopyEntryKey(HistoryIndex.entryKey(HENAN_KEY, 2023)).setCopyPlace("410205")
                .setCopyReportId("e2".repeat(32)).setCopyAgency("开封市禹王台区新门关街道办事处")
                .setCopyYear(2023).setSimilarity(1.0).build();

        assertThat(ValidationTopology.TO_ITS_KEEPER.partitions(Topics.COPIES_FOUND, NINGXIA_KEY, found, PARTITIONS))
                .contains(Set.of(partition(NINGXIA_KEY, original)));
        // Indexed before FingerprintEntry v3: its place is not known.
        found.setPlace(null);
        assertThat(ValidationTopology.TO_ITS_KEEPER.partitions(Topics.COPIES_FOUND, NINGXIA_KEY, found, PARTITIONS))
                .hasValueSatisfying(partitions -> assertThat(partitions).hasSize(PARTITIONS));
    }

    @Test
    void aCopyFoundOfAReportReplacedSinceJudgesNothingAndGarbageOnTheTopicIsDeadLettered() {
        ParsedReport original = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        ningxia.send(NINGXIA_KEY, CODEC.encode(original), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());
        henan.send(HENAN_KEY, CODEC.encode(henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), PROSE)), null);
        ningxia.send(NINGXIA_KEY, CODEC.encode(ningxia("盐池县青山乡人民政府", "e3".repeat(32), REWRITTEN)), null);
        int verdicts = ningxia.validated.received().size();

        ningxia.copiesFoundElsewhere(henan.copiesFound.received());
        ningxia.copyFoundElsewhere(NINGXIA_KEY, "not a CopyFound".getBytes(StandardCharsets.UTF_8));

        assertThat(ningxia.validated.received()).hasSize(verdicts);
        assertThat(ningxia.deadLetters.received()).singleElement().satisfies(letter -> {
            assertThat(letter.getPayload().getErrorType()).isEqualTo(ValidationProcessor.UNDECODABLE_RECORD);
            assertThat(letter.getPayload().getOriginalTopic()).isEqualTo(Topics.COPIES_FOUND);
        });
    }

    @Test
    void aCopyInTheSamePartitionIsFlaggedOnceOnItsWholeTextThoughTheIndexHoldsItToo() {
        String neighbourKey = "640323|盐池县麻黄山乡人民政府";
        ningxia.send(NINGXIA_KEY, CODEC.encode(ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE)), null);
        ParsedReport copy = ningxia("盐池县麻黄山乡人民政府", "e2".repeat(32), PROSE);
        assertThat(ningxia.fingerprintIndex().get(FingerprintIndex.entryRecordKey(HistoryIndex.entryKey(NINGXIA_KEY, 2023))))
                .isNotNull();

        ningxia.send(neighbourKey, CODEC.encode(copy), null);

        assertThat(copyFindings(ningxia.validated.received().get(1))).extracting(Finding::getFound)
                .containsExactly("盐池县青山乡人民政府 2023 (" + "e1".repeat(32) + ")");
    }

    @Test
    void aReportOfAnotherPartitionSharingOnlyBoilerplateIsNoCopy() {
        ParsedReport original = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        ningxia.send(NINGXIA_KEY, CODEC.encode(original), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());
        // As many more agencies elsewhere print the very same sentences: they are the template's, not a copy's.
        henan.indexFromElsewhere(agenciesElsewhere(0, HistoryIndex.BOILERPLATE, agency -> PROSE));

        henan.send(HENAN_KEY, CODEC.encode(henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), PROSE)), null);

        assertThat(copyFindings(henan.validated.received().get(0))).isEmpty();
    }

    @Test
    void aSentencesHoldersAreCountedOnceThoughTheirRecordsArriveTwiceAndBoilerplateBeginsBeyondTheCount() {
        ParsedReport original = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        ningxia.send(NINGXIA_KEY, CODEC.encode(original), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());
        List<TestRecord<Bytes, byte[]>> elsewhere = agenciesElsewhere(1, HistoryIndex.BOILERPLATE, agency -> PROSE);
        // As after a crash, the global store reads its records again from before its checkpoint.
        henan.indexFromElsewhere(elsewhere);
        henan.indexFromElsewhere(elsewhere);
        ParsedReport copy = henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), PROSE);
        henan.send(HENAN_KEY, CODEC.encode(copy), null);
        assertThat(copyFindings(henan.validated.received().get(0))).as("1,000 hold the sentences: looked up")
                .hasSize(HistoryIndex.MAX_PEERS);

        // The copy's own entry is in the index now (1,001). One of the others rewrites its report too short to be
        // fingerprinted, its record (a tombstone) read twice as well (1,000); another agency prints the same
        // sentences (1,001): boilerplate.
        List<TestRecord<Bytes, byte[]>> rewritten = List.of(TopologyHarness.fingerprintRecord(FingerprintIndex.record(
                HistoryIndex.entryKey("33|第1局", 2023), ningxia("第1局", "g1", "本局全年无依申请公开事项。"))));
        henan.indexFromElsewhere(rewritten);
        henan.indexFromElsewhere(rewritten);
        henan.indexFromElsewhere(agenciesElsewhere(0, 1, agency -> PROSE));
        henan.send(HENAN_KEY, CODEC.encode(copy), null);
        assertThat(copyFindings(henan.validated.received().get(1))).as("1,001: boilerplate").isEmpty();
    }

    @Test
    void aCopysSimilarityWeighsTheBoilerplateBothHoldThoughItIsNotLookedUp() {
        String boilerplate = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
                + "本报告电子版可在本级人民政府门户网站的政府信息公开专栏查阅或下载。";
        String prose = PROSE + "本乡政务公开工作领导小组全年召开专题会议四次，研究部署重点领域信息公开和政策解读工作，并明确专人负责。"
                + "乡政府门户网站全年更新栏目信息三百余条，办理网民留言四十六件，均在规定期限内答复。";
        ningxia.send(NINGXIA_KEY, CODEC.encode(ningxia("盐池县青山乡人民政府", "e1".repeat(32), prose + boilerplate)), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());
        henan.indexFromElsewhere(agenciesElsewhere(0, HistoryIndex.BOILERPLATE, agency ->
                "第" + agency + "局全年围绕乡村振兴、惠民惠农补贴发放和村级财务公开，逐村公示补贴对象、标准和金额，接受群众监督。"
                        + "第" + agency + "局设立政务公开专栏二十处，群众反映的问题均在十五个工作日内办结，并在专栏公开办理结果。"
                        + boilerplate));

        henan.send(HENAN_KEY, CODEC.encode(henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), prose + boilerplate)), null);

        assertThat(copyFindings(henan.validated.received().get(0))).singleElement().satisfies(finding ->
                assertThat(finding.getMessageZh()).contains("盐池县青山乡人民政府2023年度报告 100% 相同"));
    }

    @Test
    void aReplacedEntrysSentencesLeaveTheIndexAndItsCopiesAreNoLongerFound() {
        String entryKey = HistoryIndex.entryKey(NINGXIA_KEY, 2023);
        ParsedReport first = ningxia("盐池县青山乡人民政府", "e1".repeat(32), PROSE);
        String rewritten = "本乡全年围绕乡村振兴、惠民惠农补贴发放和村级财务公开，逐村公示补贴对象、标准和金额，接受群众监督。"
                + "乡政府设立政务公开专栏二十处，群众反映的问题均在十五个工作日内办结，并在专栏公开办理结果。";
        ParsedReport revised = ningxia("盐池县青山乡人民政府", "e3".repeat(32), rewritten);
        ningxia.send(NINGXIA_KEY, CODEC.encode(first), null);
        ningxia.send(NINGXIA_KEY, CODEC.encode(revised), null);
        henan.indexFromElsewhere(ningxia.publishedFingerprints());

        var index = henan.fingerprintIndex();
        assertThat(TextFingerprint.of(first)).filteredOn(sentence -> !TextFingerprint.of(revised).contains(sentence))
                .isNotEmpty().allSatisfy(sentence ->
                        assertThat(index.get(FingerprintIndex.sentenceKey(sentence, entryKey))).isNull());
        assertThat(TextFingerprint.of(revised)).allSatisfy(sentence ->
                assertThat(index.get(FingerprintIndex.sentenceKey(sentence, entryKey))).isNotNull());
        assertThat(new String(index.get(FingerprintIndex.entryRecordKey(entryKey)), StandardCharsets.UTF_8)).contains("e3".repeat(32))
                .doesNotContain("e1".repeat(32));

        henan.send(HENAN_KEY, CODEC.encode(henan("开封市禹王台区新门关街道办事处", "e2".repeat(32), PROSE)), null);

        assertThat(copyFindings(henan.validated.received().get(0))).isEmpty();
    }

    @Test
    void anEntryAV1WriterIndexedSentenceBySentenceIsRetiredFromTheTopicWhenItsReportIsRevised() {
        String entryKey = HistoryIndex.entryKey(HENAN_KEY, 2023);
        ParsedReport first = henan("开封市禹王台区新门关街道办事处", "e1".repeat(32), PROSE);
        ParsedReport revised = henan("开封市禹王台区新门关街道办事处", "e3".repeat(32), REWRITTEN);
        // Kept before the upgrade: the topic holds the entry as a v1 writer published it, sentence by sentence.
        henan.send(HENAN_KEY, CODEC.encode(first), null);
        List<TestRecord<Bytes, byte[]>> v1Records = publishedByAV1Writer(entryKey, first);
        henan.indexFromElsewhere(v1Records);
        int before = henan.publishedFingerprints().size();

        henan.send(HENAN_KEY, CODEC.encode(revised), null);

        List<TestRecord<Bytes, byte[]>> published = henan.publishedFingerprints().subList(before, henan.publishedFingerprints().size());
        assertThat(published).filteredOn(record -> record.value() == null).extracting(TestRecord::key)
                .containsExactlyInAnyOrderElementsOf(TextFingerprint.of(first).stream()
                        .map(sentence -> FingerprintIndex.sentenceKey(sentence, entryKey)).toList());
        // Another instance that read the v1 records reads the revision's, its entry before its tombstones (the
        // topic's partitions are read independently): the sentence the revision kept is kept.
        List<TestRecord<Bytes, byte[]>> entryFirst = new ArrayList<>(published);
        entryFirst.sort(Comparator.comparing(record -> record.value() == null ? 1 : 0));
        ningxia.indexFromElsewhere(v1Records);
        ningxia.indexFromElsewhere(entryFirst);
        assertBothIndexesHoldTheRevisionsSentencesOnly(entryKey, first, revised);
        ningxia.send(NINGXIA_KEY, CODEC.encode(ningxia("盐池县青山乡人民政府", "e4".repeat(32), PROSE)), null);
        ningxia.send("640323|盐池县麻黄山乡人民政府", CODEC.encode(ningxia("盐池县麻黄山乡人民政府", "e5".repeat(32), REWRITTEN)), null);
        assertThat(copyFindings(ningxia.validated.received().get(0))).isEmpty();
        assertThat(copyFindings(ningxia.validated.received().get(1))).extracting(Finding::getFound)
                .containsExactly("开封市禹王台区新门关街道办事处 2023 (" + "e3".repeat(32) + ")");
    }

    @Test
    void anEntryAV2WriterWroteAndAV1WriterRevisesHoldsTheRevisionsSentencesWhicheverRecordIsReadFirst() {
        String entryKey = HistoryIndex.entryKey(HENAN_KEY, 2023);
        ParsedReport first = henan("开封市禹王台区新门关街道办事处", "e1".repeat(32), PROSE);
        ParsedReport revised = henan("开封市禹王台区新门关街道办事处", "e3".repeat(32), REWRITTEN);
        henan.send(HENAN_KEY, CODEC.encode(first), null);
        ningxia.indexFromElsewhere(henan.publishedFingerprints());
        // In a rolling upgrade an instance not upgraded yet takes the partition over and revises the report.
        List<TestRecord<Bytes, byte[]>> revision = publishedByAV1Writer(entryKey, first, revised);
        List<TestRecord<Bytes, byte[]>> entryFirst = new ArrayList<>(revision);
        entryFirst.sort(Comparator.comparing(record -> record.key().get()[0] == 'E' ? 0 : 1));

        henan.indexFromElsewhere(revision);
        ningxia.indexFromElsewhere(entryFirst);

        assertBothIndexesHoldTheRevisionsSentencesOnly(entryKey, first, revised);
        // The wording the revision dropped is no copy of it.
        ningxia.send(NINGXIA_KEY, CODEC.encode(ningxia("盐池县青山乡人民政府", "e4".repeat(32), PROSE)), null);
        assertThat(copyFindings(ningxia.validated.received().get(0))).isEmpty();
    }

    /** Both instances' global stores hold the entry under {@code revised}'s sentences, none {@code first} had alone. */
    private void assertBothIndexesHoldTheRevisionsSentencesOnly(String entryKey, ParsedReport first, ParsedReport revised) {
        for (var index : List.of(henan.fingerprintIndex(), ningxia.fingerprintIndex())) {
            assertThat(TextFingerprint.of(first)).filteredOn(sentence -> !TextFingerprint.of(revised).contains(sentence))
                    .isNotEmpty().allSatisfy(sentence ->
                            assertThat(index.get(FingerprintIndex.sentenceKey(sentence, entryKey))).isNull());
            assertThat(TextFingerprint.of(revised)).allSatisfy(sentence ->
                    assertThat(index.get(FingerprintIndex.sentenceKey(sentence, entryKey))).isNotNull());
        }
    }

    /** The records a writer of FingerprintEntry v1 published for an entry: its sentences apart, its entry without them. */
    private static List<TestRecord<Bytes, byte[]>> publishedByAV1Writer(String entryKey, ParsedReport report) {
        return publishedByAV1Writer(entryKey, null, report);
    }

    /**
     * The records a writer of FingerprintEntry v1 published when the entry's report went from {@code before} (null
     * when none) to {@code report}: tombstones for the sentences it lost, the sentences it gained, then its entry
     * without them.
     */
    private static List<TestRecord<Bytes, byte[]>> publishedByAV1Writer(String entryKey, ParsedReport before,
            ParsedReport report) {
        Map<Long, Integer> sentences = TextFingerprint.sentences(report);
        Set<Long> held = before == null ? Set.of() : TextFingerprint.of(before);
        List<TestRecord<Bytes, byte[]>> records = new ArrayList<>();
        held.stream().filter(sentence -> !sentences.containsKey(sentence)).forEach(sentence ->
                records.add(new TestRecord<>(FingerprintIndex.sentenceKey(sentence, entryKey), null)));
        sentences.keySet().stream().filter(sentence -> !held.contains(sentence)).forEach(sentence ->
                records.add(new TestRecord<>(FingerprintIndex.sentenceKey(sentence, entryKey), new byte[0])));
        records.add(new TestRecord<>(FingerprintIndex.entryRecordKey(entryKey), AvroCodec.of(FingerprintEntry.class).encode(
                FingerprintEntry.newBuilder().setEntryKey(entryKey).setReportId(report.getReportId())
                        .setAgency(report.getAgency()).setYear(report.getYear()).setSentences(sentences.size())
                        .setSentenceChars(sentences.values().stream().mapToInt(Integer::intValue).sum())
                        .setSentenceHashes(List.of()).build())));
        return records;
    }

    /**
     * The index's records of agencies {@code from} … {@code to - 1} of a third province ({@code 第<n>局}, report id
     * {@code f<n>}), each with its prose.
     */
    private static List<TestRecord<Bytes, byte[]>> agenciesElsewhere(int from, int to, IntFunction<String> prose) {
        List<TestRecord<Bytes, byte[]>> records = new ArrayList<>();
        for (int agency = from; agency < to; agency++) {
            records.add(TopologyHarness.fingerprintRecord(FingerprintIndex.record(HistoryIndex.entryKey(
                    "33|第" + agency + "局", 2023), ningxia("第" + agency + "局", "f" + agency, prose.apply(agency)))));
        }
        return records;
    }

    private static ParsedReport ningxia(String agency, String reportId, String prose) {
        return ReportFixture.consistent2021().agency(agency).reportId(reportId).overview(prose).build();
    }

    /** A report of 开封市禹王台区, 河南省. */
    private static ParsedReport henan(String agency, String reportId, String prose) {
        ParsedReport report = ningxia(agency, reportId, prose);
        return ParsedReport.newBuilder(report).setDivision(Division.newBuilder(report.getDivision())
                .setProvinceCode("41").setProvinceName("河南省").setCountyCode("410205").setCountyName("禹王台区").build())
                .build();
    }

    private static int partition(String key, ParsedReport report) {
        return PlacePartitioner.partition(key.getBytes(StandardCharsets.UTF_8), report, PARTITIONS);
    }

    private static List<Finding> copyFindings(Received<ValidatedReport> verdict) {
        return verdict.getPayload().getFindings().stream().filter(f -> f.getRuleId().equals("COPY-PEER")).toList();
    }
}
