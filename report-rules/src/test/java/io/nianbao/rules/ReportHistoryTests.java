package io.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.catalogue.HierarchySumRule;
import io.nianbao.rules.catalogue.TextFingerprint;

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

    /** Long enough to be more than boilerplate: the prose of one agency, copied by others. */
    static final String PROSE = "本年度，我镇坚持以公开为常态、不公开为例外，围绕决策、执行、管理、服务、结果等关键环节，深入推进"
            + "政府信息公开工作。全年通过镇政府门户网站、微信公众号等平台主动公开政府信息，涵盖工作报告、法治政府建设、民生保障、"
            + "农业补贴、预决算及三公经费、村庄规划等方面，依申请公开流程规范有序，信息管理机制持续完善，平台建设成效显著提升。";
    static final String OTHER_PROSE = "二〇二三年，本局聚焦优化营商环境，围绕行政许可、行政处罚和行政强制等执法信息，按照谁制作谁公开、"
            + "谁保存谁公开的原则，建立健全执法公示制度，对重大执法决定实行法制审核，全年办理的执法案件全部在法定期限内公开，"
            + "并通过新闻发布会、政策吹风会和在线访谈等形式解读政策，回应社会关切，接受群众监督，提升了政务公开的质量和效果。";

    @Test
    void otherAgenciesReportsWithNearIdenticalProseArePeersAndTheAgencysOwnAreNot() {
        ParsedReport original = ReportFixture.consistent2021().reportId("1".repeat(64)).overview(PROSE).build();
        ParsedReport ownLastYear = ReportFixture.consistent2021().year(2022).reportId("2".repeat(64)).overview(PROSE).build();
        ParsedReport copy = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("3".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();
        ParsedReport unrelated = ReportFixture.consistent2021().agency("盐池县市场监督管理局").reportId("4".repeat(64))
                .overview(OTHER_PROSE).build();
        history.record("花马池镇", original);
        history.record("花马池镇", ownLastYear);
        history.record("惠安堡镇", copy);
        history.record("市场监督管理局", unrelated);

        assertThat(history.historyOf("惠安堡镇", copy).peers()).containsExactlyInAnyOrder(original, ownLastYear);
        assertThat(history.historyOf("花马池镇", original).peers()).containsExactly(copy);
        assertThat(history.historyOf("市场监督管理局", unrelated).peers()).isEmpty();
    }

    @Test
    void aReportReplacedInItsAgencyAndYearIsNoLongerAPeer() {
        history.record("花马池镇", ReportFixture.consistent2021().reportId("1".repeat(64)).overview(PROSE).build());
        history.record("花马池镇", ReportFixture.consistent2021().reportId("5".repeat(64)).overview(OTHER_PROSE).build());
        ParsedReport copy = ReportFixture.consistent2021().reportId("3".repeat(64)).overview(PROSE).build();

        assertThat(history.peersOf("惠安堡镇", copy)).extracting(ParsedReport::getReportId).isEmpty();
    }

    @Test
    void ofTwoReportsSharingMostSentencesEachIsTheOthersPeerWhateverTheirLengths() {
        // 3 sentences against the same 3 and 3 more: what they share is half of the two, not of the longer alone
        ParsedReport shorter = ReportFixture.consistent2021().reportId("1".repeat(64)).overview(PROSE).build();
        ParsedReport longer = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("3".repeat(64))
                .overview(PROSE + OTHER_PROSE + "惠安堡镇另设了村级公开栏，每季度更新一次低保、临时救助和惠农补贴的公示信息。"
                        + "镇党委政府主要负责同志全年四次专题研究政务公开工作，并将其纳入各村年度考核。")
                .build();
        history.record("花马池镇", shorter);
        history.record("惠安堡镇", longer);

        assertThat(history.peersOf("花马池镇", shorter)).containsExactly(longer);
        assertThat(history.peersOf("惠安堡镇", longer)).containsExactly(shorter);
    }

    @Test
    void aCopyKeptHereIsJudgedAgainWithTheReportThatArrivedAfterItInPlaceOfThatAgencysOlderOne() {
        ParsedReport lastYear = ReportFixture.consistent2021().year(2022).reportId("2".repeat(64)).overview(PROSE).build();
        ParsedReport copied = ReportFixture.consistent2021().reportId("1".repeat(64)).overview(PROSE).build();
        ParsedReport firstVersion = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("3".repeat(64))
                .overview(PROSE).build();
        history.record("花马池镇", lastYear);
        history.record("花马池镇", copied);
        history.record("惠安堡镇", firstVersion);
        ParsedReport revision = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("4".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();

        History again = history.historyOnceRecorded(new HistoryIndex.Entry("花马池镇", copied), "惠安堡镇", revision);

        assertThat(again.peers()).containsExactly(revision);
        assertThat(again.previousYear()).isEqualTo(lastYear);
        assertThat(again.sameYearPrevious()).isNull();
    }

    @Test
    void aCountyGovernmentsPartsAreTheSameYearsReportsOfItsDepartmentsAndTowns() {
        ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("1".repeat(64)).build();
        ParsedReport department = ReportFixture.consistent2021().agency("盐池县教育局").reportId("2".repeat(64)).build();
        ParsedReport town = inTown(ReportFixture.consistent2021().agency("盐池县花马池镇人民政府").reportId("3".repeat(64)));
        ParsedReport townLastYear = inTown(ReportFixture.consistent2021().agency("盐池县花马池镇人民政府").year(2022)
                .reportId("4".repeat(64)));
        history.record("盐池县", county);
        history.record("教育局", department);
        history.record("花马池镇", town);
        history.record("花马池镇", townLastYear);

        assertThat(history.historyOf("盐池县", county).parts()).extracting(CountyFigures::reportId)
                .containsExactly(department.getReportId(), town.getReportId());
        assertThat(history.historyOf("花马池镇", town).parts()).isEmpty();
        assertThat(history.countyGovernmentsOf("花马池镇", town))
                .containsExactly(new HistoryIndex.Entry("盐池县", county));
        assertThat(history.countyGovernmentsOf("盐池县", county)).isEmpty();
    }

    @Test
    void aCountyGovernmentIsJudgedAgainWithATownThatArrivedAfterItInPlaceOfTheTownsOlderReport() {
        ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("1".repeat(64)).build();
        ParsedReport firstVersion =
                inTown(ReportFixture.consistent2021().agency("盐池县花马池镇人民政府").reportId("3".repeat(64)));
        history.record("盐池县", county);
        history.record("花马池镇", firstVersion);
        ParsedReport revision = inTown(ReportFixture.consistent2021().agency("盐池县花马池镇人民政府").reportId("5".repeat(64)));

        History again = history.historyOnceRecorded(new HistoryIndex.Entry("盐池县", county), "花马池镇", revision);

        assertThat(again.parts()).containsExactly(HierarchySumRule.figuresOf(revision));
        assertThat(again.peers()).isEmpty();
    }

    private static ParsedReport inTown(ReportFixture fixture) {
        return fixture.division("640323", "640323100").build();
    }

    @Test
    void whileLookupsAreKeptEachReportsPeersAreLookedUpOnceAndAfterwardsAgain() {
        CountingHistory counted = new CountingHistory();
        ParsedReport original = ReportFixture.consistent2021().reportId("1".repeat(64)).overview(PROSE).build();
        ParsedReport copy = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("3".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();
        counted.record("花马池镇", original);
        counted.record("惠安堡镇", copy);

        counted.withLookupsKept(() -> {
            counted.historyOf("惠安堡镇", copy);
            dependentsWithTheirHistories(counted, "惠安堡镇", copy);
            return counted.peerEntriesOf("惠安堡镇", copy);
        });
        // copy's, then original's once; of each, all its sentences but the third held the most (see below)
        assertThat(counted.scans).isEqualTo(scanned(copy) + scanned(original));

        counted.scans = 0;
        ParsedReport sameIdOtherObject = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府")
                .reportId("3".repeat(64)).overview(PROSE.replace("我镇", "本镇")).build();
        List<HistoryIndex.Entry> asked = counted.withLookupsKept(() -> {
            counted.peerEntriesOf("惠安堡镇", copy);
            return counted.peerEntriesOf("惠安堡镇", sameIdOtherObject);
        });
        assertThat(counted.scans).isEqualTo(2 * scanned(copy));
        assertThat(asked).containsExactly(new HistoryIndex.Entry("花马池镇", original));

        counted.scans = 0;
        counted.peerEntriesOf("惠安堡镇", copy);
        counted.peerEntriesOf("惠安堡镇", copy);
        assertThat(counted.scans).isEqualTo(2 * scanned(copy));
    }

    /** Every sentence of these reports is held (by the report itself at least): all but a third are scanned. */
    private static int scanned(ParsedReport report) {
        int sentences = TextFingerprint.of(report).size();
        return sentences - sentences / 3;
    }

    @Test
    void thePeersFoundScanningTheLeastHeldSentencesAreThoseAScanOfEverySentenceFinds() {
        // Reports made of sentences from one pool, some in most reports, some in few: many partly shared texts.
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pool.add("第" + i + "项工作中本机关依法依规推进政府信息公开并做好相关答复和归档工作" + "甲乙丙丁".repeat(i % 3));
        }
        Random random = new Random(2026);
        Map<String, ParsedReport> recorded = new LinkedHashMap<>();
        for (int n = 0; n < 300; n++) {
            StringBuilder prose = new StringBuilder();
            for (int i = 6 + random.nextInt(10); i > 0; i--) {
                // The square of a uniform draw: the pool's first sentences are in most reports, its last in few.
                double draw = random.nextDouble();
                prose.append(pool.get((int) (draw * draw * pool.size()))).append('。');
            }
            ParsedReport report = ReportFixture.consistent2021().agency("机关" + n).reportId("%064d".formatted(n))
                    .overview(prose.toString()).build();
            history.record("机关" + n, report);
            recorded.put("机关" + n, report);
        }

        int withPeers = 0;
        for (Map.Entry<String, ParsedReport> report : recorded.entrySet()) {
            List<HistoryIndex.Entry> peers = history.peerEntriesOf(report.getKey(), report.getValue());
            assertThat(peers).as(report.getKey()).isEqualTo(peersScanningEverySentence(report.getKey(), report.getValue(), recorded));
            withPeers += peers.isEmpty() ? 0 : 1;
        }
        assertThat(withPeers).as("reports with peers").isBetween(30, 270);
    }

    /** COPY-PEER's candidates by their definition: every sentence's holders counted. */
    private static List<HistoryIndex.Entry> peersScanningEverySentence(String agencyKey, ParsedReport report,
            Map<String, ParsedReport> recorded) {
        Set<Long> own = TextFingerprint.of(report);
        Map<String, Integer> shared = new HashMap<>();
        recorded.forEach((other, theirs) -> {
            Set<Long> both = new HashSet<>(TextFingerprint.of(theirs));
            both.retainAll(own);
            if (!other.equals(agencyKey) && HistoryIndex.isCandidate(both.size(), own.size(), TextFingerprint.of(theirs).size())) {
                shared.put(other, both.size());
            }
        });
        return shared.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> HistoryIndex.entryKey(entry.getKey(), recorded.get(entry.getKey()).getYear())))
                .limit(HistoryIndex.MAX_PEERS).map(entry -> new HistoryIndex.Entry(entry.getKey(), recorded.get(entry.getKey())))
                .toList();
    }

    @Test
    void whileLookupsAreKeptEachKeptReportIsReadOnce() {
        CountingHistory counted = new CountingHistory();
        ParsedReport county = countyWithDepartments(counted, 4);
        ParsedReport arrived = ReportFixture.consistent2021().agency("盐池县教育局").reportId("5".repeat(64)).build();

        Map<HistoryIndex.Entry, History> dependents = judgedWithLookupsKept(counted, arrived);

        // The county government is judged again with its three departments and the one that arrived.
        assertThat(dependents).containsOnlyKeys(new HistoryIndex.Entry("盐池县", county));
        assertThat(dependents.values()).singleElement().satisfies(again -> assertThat(again.parts()).hasSize(4));
        assertThat(counted.reads).isEqualTo(counted.read.size());

        counted.reads = 0;
        counted.read.clear();
        dependentsWithTheirHistories(counted, "教育局", arrived);
        assertThat(counted.reads).as("without lookups kept, read as often as asked").isGreaterThan(counted.read.size());
    }

    @Test
    void aDepartmentChangesItsCountyGovernmentsPartsAndACopyTheOriginalsPeers() {
        CountingHistory counted = new CountingHistory();
        ParsedReport county = countyWithDepartments(counted, 2);
        ParsedReport original = ReportFixture.consistent2021().reportId("8".repeat(64)).overview(PROSE).build();
        counted.record("花马池镇", original);
        ParsedReport department = ReportFixture.consistent2021().agency("盐池县教育局").reportId("9".repeat(64))
                .overview(PROSE.replace("我镇", "本局")).build();

        assertThat(counted.dependentsOf("教育局", department)).containsExactly(
                new HistoryIndex.Dependent(new HistoryIndex.Entry("花马池镇", original), Set.of(History.Part.PEERS)),
                new HistoryIndex.Dependent(new HistoryIndex.Entry("盐池县", county), Set.of(History.Part.PARTS)));
    }

    @Test
    void theAgencysNextYearKeptBeforeChangesItsYearBeforeAndTheAgencysOwnYearIsNoPeerOfIt() {
        ParsedReport nextYear = ReportFixture.consistent2021().year(2024).reportId("4".repeat(64)).overview(PROSE).build();
        history.record("agency", nextYear);
        ParsedReport arrived = ReportFixture.consistent2021().year(2023).reportId("3".repeat(64)).overview(PROSE).build();

        assertThat(history.dependentsOf("agency", arrived)).containsExactly(new HistoryIndex.Dependent(
                new HistoryIndex.Entry("agency", nextYear), Set.of(History.Part.PREVIOUS_YEAR)));
        History again = history.historyOnceRecorded(new HistoryIndex.Entry("agency", nextYear), "agency", arrived);
        assertThat(again.previousYear()).isEqualTo(arrived);
        assertThat(again.peers()).isEmpty();
        assertThat(again.sameYearPrevious()).isNull();
    }

    @Test
    void aDepartmentsArrivalReadsItsCountyGovernmentsReportNotTheCountysOtherReports() {
        CountingHistory counted = new CountingHistory();
        countyWithDepartments(counted, 9);
        ParsedReport arrived = ReportFixture.consistent2021().agency("盐池县教育局").reportId("a".repeat(64)).build();

        Map<HistoryIndex.Entry, History> dependents = judgedWithLookupsKept(counted, arrived);

        // Judged again with the eight departments kept and the one that arrived, each known by its figures.
        assertThat(dependents.values()).singleElement().satisfies(again -> assertThat(again.parts())
                .extracting(CountyFigures::reportId).hasSize(9).contains("a".repeat(64), "2".repeat(64)));
        assertThat(counted.read).as("the departments kept are not read").noneMatch(key -> key.startsWith("局"))
                .contains("盐池县|2023");
    }

    /** 盐池县's government report, kept with those of its departments 2 … {@code last} (agency keys 局n). */
    private static ParsedReport countyWithDepartments(CountingHistory counted, int last) {
        ParsedReport county = ReportFixture.consistent2021().agency("盐池县人民政府").reportId("1".repeat(64)).build();
        counted.record("盐池县", county);
        for (int n = 2; n <= last; n++) {
            counted.record("局" + n, ReportFixture.consistent2021().agency("盐池县第" + n + "局").reportId(Integer.toString(n).repeat(64)).build());
        }
        return county;
    }

    /** The lookups judging 教育局's arrived report makes, its own history and its dependents', with lookups kept. */
    private static Map<HistoryIndex.Entry, History> judgedWithLookupsKept(CountingHistory counted, ParsedReport arrived) {
        return counted.withLookupsKept(() -> {
            counted.historyOf("教育局", arrived);
            return dependentsWithTheirHistories(counted, "教育局", arrived);
        });
    }

    /** The reports {@code report} changes the verdict of, each with its whole history once it is recorded. */
    private static Map<HistoryIndex.Entry, History> dependentsWithTheirHistories(HistoryIndex history,
            String agencyKey, ParsedReport report) {
        Map<HistoryIndex.Entry, History> dependents = new LinkedHashMap<>();
        history.dependentsOf(agencyKey, report).forEach(dependent -> dependents.put(dependent.entry(),
                history.historyOnceRecorded(dependent.entry(), agencyKey, report)));
        return dependents;
    }

    /** The history on the heap, counting the sentence scans and reads of reports a store would make. */
    private static final class CountingHistory extends HistoryIndex {
        private final ReportHistory kept = new ReportHistory();
        int scans;
        int reads;
        final Set<String> read = new HashSet<>();

        void record(String agencyKey, ParsedReport report) {
            kept.record(agencyKey, report);
        }

        @Override
        protected ParsedReport reportAt(String entryKey) {
            reads++;
            read.add(entryKey);
            return kept.reportAt(entryKey);
        }

        @Override
        protected int holderCount(long sentence) {
            return kept.holderCount(sentence);
        }

        @Override
        protected Map<String, Integer> holdersOf(long sentence) {
            scans++;
            return kept.holdersOf(sentence);
        }

        @Override
        protected boolean holds(String entryKey, long sentence) {
            return kept.holds(entryKey, sentence);
        }

        @Override
        protected Map<String, CountyFigures> countyYearEntries(String countyYear) {
            return kept.countyYearEntries(countyYear);
        }
    }
}
