package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.ReportFixture;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Division;
import io.nianbao.schema.Fees;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

class FeeUnitRuleTests {
    private final FeeUnitRule rule = new FeeUnitRule();

    @Test
    void aTownsFeesOfMillionsOf万元WereMostLikelyWrittenIn元() {
        ParsedReport report = town(fees(251_000.0));

        assertThat(rule.evaluate(report)).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S2-UNIT");
            assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
            assertThat(finding.getCells()).containsExactly("active.fees.amountWan");
            assertThat(finding.getFound()).isEqualTo("251000");
            assertThat(finding.getExpected()).isEqualTo("<= 1000");
        });
    }

    @Test
    void feesThatTheParserReadIn元AreReportedWithTheirCell() {
        ParsedReport report = withNote(ReportFixture.consistent2021().active(fees(25.1)).build(),
                new ParseNote(ParseNoteCode.FEE_UNIT_YUAN.name(), "active.fees.amountWan", "251000元",
                        "FEE_UNIT_YUAN active.fees.amountWan '251000元': the cell prints 元 where the template asks 万元;"
                                + " the amount is read as 25.1 万元."));

        assertThat(rule.evaluate(report)).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("S2-UNIT");
            assertThat(finding.getSeverity()).isEqualTo(Severity.WARN);
            assertThat(finding.getCells()).containsExactly("active.fees.amountWan");
            assertThat(finding.getExpected()).isEqualTo("万元");
            assertThat(finding.getFound()).isEqualTo("元");
            assertThat(finding.getMessageZh()).isEqualTo("行政事业性收费应以万元填报，表中按元填写（251000元），折合 25.1 万元");
            assertThat(finding.getMessageEn())
                    .isEqualTo("Fees must be given in 万元; the table prints them in 元 ('251000元'), which is 25.1 万元");
        });
    }

    @Test
    void feesIn万元AndOtherCodedWarningsAreNoUnitFinding() {
        ParsedReport report = withNote(ReportFixture.consistent2021().active(fees(25.1)).build(),
                new ParseNote(ParseNoteCode.NON_INTEGER_COUNT.name(), "active.licensing.decisions", "1.5",
                        "NON_INTEGER_COUNT active.licensing.decisions '1.5': a count cell holds no whole number; the"
                                + " cell is null."));

        assertThat(rule.evaluate(report)).isEmpty();
    }

    @Test
    void aTownsFeesOfAFewHundred万元AreNoFinding() {
        assertThat(rule.evaluate(town(fees(25.1)))).isEmpty();
    }

    @Test
    void aCountyAgencyIsBoundAt10亿元AndACityOrProvinceNotAtAll() {
        ParsedReport county = ReportFixture.consistent2021().active(fees(250_000.0)).build();
        ParsedReport province = ParsedReport.newBuilder(county)
                .setDivision(Division.newBuilder().setStatus("resolved").setProvinceCode("64").build()).build();

        assertThat(rule.evaluate(county)).extracting(f -> f.getExpected()).containsExactly("<= 100000");
        assertThat(rule.evaluate(ReportFixture.consistent2021().active(fees(80_000.0)).build())).isEmpty();
        assertThat(rule.evaluate(province)).isEmpty();
    }

    @Test
    void unreadFeesAreNotChecked() {
        assertThat(rule.evaluate(town(ActiveDisclosure.newBuilder().setFees(Fees.newBuilder().build()).build())))
                .isEmpty();
    }

    private static ActiveDisclosure fees(double amountWan) {
        return ActiveDisclosure.newBuilder().setFees(Fees.newBuilder().setAmountWan(amountWan).build()).build();
    }

    private static ParsedReport town(ActiveDisclosure active) {
        ParsedReport report = ReportFixture.consistent2021().active(active).build();
        return ParsedReport.newBuilder(report).setDivision(Division.newBuilder(report.getDivision())
                .setTownCode("640323100").setTownName("花马池镇").build()).build();
    }

    private static ParsedReport withNote(ParsedReport report, ParseNote note) {
        return ParsedReport.newBuilder(report).setNotes(List.of(note)).build();
    }
}
