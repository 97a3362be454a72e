package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.FingerprintPeer;
import io.nianbao.rules.History;
import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

class CopyPeerRuleTests {
    private static final String PROSE = "本年度，我镇坚持以公开为常态、不公开为例外，围绕决策、执行、管理、服务、结果等关键环节，"
            + "深入推进政府信息公开工作。全年通过镇政府门户网站、微信公众号等平台主动公开政府信息，涵盖工作报告、法治政府建设、"
            + "民生保障、农业补贴、预决算及三公经费、村庄规划等方面，依申请公开流程规范有序，信息管理机制持续完善。";
    private final CopyPeerRule rule = new CopyPeerRule();
    private final ParsedReport peer = ReportFixture.consistent2021().agency("盐池县花马池镇人民政府")
            .reportId("1".repeat(64)).overview(PROSE).build();

    @Test
    void proseNearlyTheSameAsAnotherAgencysReportIsACopy() {
        ParsedReport copy = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("2".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();

        assertThat(rule.evaluate(copy, new History(null, null, null, List.of(peer)))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.getRuleId()).isEqualTo("COPY-PEER");
                    assertThat(finding.getSeverity()).isEqualTo(Severity.INFO);
                    assertThat(finding.getFound()).isEqualTo("盐池县花马池镇人民政府 2023 (" + "1".repeat(64) + ")");
                    assertThat(finding.getMessageEn()).contains("identical to the report of 盐池县花马池镇人民政府 2023");
                });
    }

    @Test
    void ofTwoCopiesEachIsFlaggedWithTheOther() {
        ParsedReport copy = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("2".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();

        assertThat(rule.evaluate(peer, new History(null, null, null, List.of(copy)))).singleElement()
                .satisfies(finding -> assertThat(finding.getFound())
                        .isEqualTo("盐池县惠安堡镇人民政府 2023 (" + "2".repeat(64) + ")"));
        assertThat(CopyPeerRule.nearIdentical(peer, copy)).isTrue();
        assertThat(CopyPeerRule.nearIdentical(copy, peer)).isTrue();
        assertThat(CopyPeerRule.nearIdentical(peer, peer)).isFalse();
    }

    @Test
    void ownProseAndTheSameReportAgainAreNoCopy() {
        ParsedReport own = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("2".repeat(64))
                .overview("惠安堡镇本年度重点推进农村集体三资管理、惠民惠农财政补贴资金发放和乡村振兴项目建设信息公开，"
                        + "逐村逐户公示补贴对象、标准和金额，设立举报电话，群众反映的问题均在十五个工作日内办结并公开办理结果。")
                .build();

        assertThat(rule.evaluate(own, new History(null, null, null, List.of(peer)))).isEmpty();
        assertThat(rule.evaluate(peer, new History(null, null, null, List.of(peer)))).isEmpty();
        assertThat(rule.evaluate(peer, History.none())).isEmpty();
    }

    @Test
    void aPeerKnownByItsFingerprintIsACopyAtTheSameThresholdAndNamedAsAnyPeer() {
        ParsedReport report = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("2".repeat(64))
                .overview(PROSE).build();
        FingerprintPeer copied = new FingerprintPeer("41|开封市鼓楼区人民政府|2023", "410204", "3".repeat(64),
                "开封市鼓楼区人民政府", 2023, 0.9);
        FingerprintPeer close = new FingerprintPeer("33|杭州市西湖区人民政府|2023", "330106", "4".repeat(64),
                "杭州市西湖区人民政府", 2023, 0.89);

        assertThat(rule.evaluate(report, new History(null, null, null, List.of(), List.of(), List.of(copied, close))))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.getFound()).isEqualTo("开封市鼓楼区人民政府 2023 (" + "3".repeat(64) + ")");
                    assertThat(finding.getMessageZh()).contains("开封市鼓楼区人民政府2023年度报告 90% 相同");
                });
        FingerprintPeer itself = new FingerprintPeer("64|盐池县惠安堡镇人民政府|2023", "640323", "2".repeat(64),
                "盐池县惠安堡镇人民政府", 2023, 1);
        assertThat(rule.evaluate(report, new History(null, null, null, List.of(), List.of(), List.of(itself))))
                .isEmpty();
    }

    @Test
    void theFingerprintSimilarityIsTheDiceCoefficientOfTheSentencesWeighedByTheirCharacters() {
        Map<Long, Integer> own = Map.of(1L, 30, 2L, 50, 3L, 20);

        assertThat(CopyPeerRule.fingerprintSimilarity(own, Set.of(1L, 2L, 3L), 100)).isEqualTo(1.0);
        // 2 × (30 + 50) / (100 + 90)
        assertThat(CopyPeerRule.fingerprintSimilarity(own, Set.of(1L, 2L), 90)).isEqualTo(160.0 / 190);
        assertThat(CopyPeerRule.fingerprintSimilarity(own, Set.of(), 100)).isZero();
        assertThat(CopyPeerRule.fingerprintSimilarity(Map.of(), Set.of(), 100)).isZero();
    }

    @Test
    void theSameProseHasTheSameFingerprintWhoseSentencesWeighTheirCharacters() {
        ParsedReport copy = ReportFixture.consistent2021().agency("开封市鼓楼区人民政府").reportId("5".repeat(64))
                .overview(PROSE).build();
        Map<Long, Integer> sentences = TextFingerprint.sentences(peer);

        assertThat(TextFingerprint.sentences(copy)).isEqualTo(sentences);
        assertThat(sentences.keySet()).isEqualTo(TextFingerprint.of(peer));
        int chars = sentences.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(CopyPeerRule.fingerprintSimilarity(sentences, sentences.keySet(), chars)).isEqualTo(1.0);
        assertThat(sentences).containsValue(PROSE.substring(0, PROSE.indexOf('。')).length());
    }

    @Test
    void aReportWhoseProseIsChangedIsComparedOnItsNewProse() {
        ParsedReport report = ReportFixture.consistent2021().agency("盐池县惠安堡镇人民政府").reportId("2".repeat(64))
                .overview(PROSE.replace("我镇", "本镇")).build();
        assertThat(CopyPeerRule.nearIdentical(report, peer)).isTrue();
        String own = "惠安堡镇本年度重点推进农村集体三资管理、惠民惠农财政补贴资金发放和乡村振兴项目建设信息公开，"
                + "逐村逐户公示补贴对象、标准和金额，设立举报电话，群众反映的问题均在十五个工作日内办结并公开办理结果。";

        report.getNarrative().setOverview(own);
        assertThat(CopyPeerRule.nearIdentical(report, peer)).isFalse();
        assertThat(TextFingerprint.sentences(report)).isEqualTo(TextFingerprint.sentences(
                ReportFixture.consistent2021().reportId("3".repeat(64)).overview(own).build()));

        report.setNarrative(Narrative.newBuilder(report.getNarrative()).setOverview(PROSE).build());
        assertThat(CopyPeerRule.nearIdentical(report, peer)).isTrue();
        assertThat(TextFingerprint.sentences(report)).isEqualTo(TextFingerprint.sentences(peer));
    }
}
