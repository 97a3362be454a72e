package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.History;
import io.nianbao.rules.ReportFixture;
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
}
