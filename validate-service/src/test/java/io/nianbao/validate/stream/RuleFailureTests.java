package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.rules.History;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.Rule;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.CopyFound;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.stream.TopologyHarness.Received;

/**
 * A rule that throws must not stop the service: the record (a report, or a copy found) is dead-lettered and the next
 * one validated.
 */
class RuleFailureTests {

    private static final class ThrowingRule implements Rule {
        @Override
        public String id() {
            return "THROWS";
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public List<Finding> evaluate(ParsedReport report) {
            throw new IllegalStateException("rule bug");
        }
    }

    /** Throws only on a report with a copy kept elsewhere: a bug met when a copy found has a report judged again. */
    private static final class ThrowingOnCopiesElsewhere implements Rule {
        @Override
        public String id() {
            return "THROWS-ON-COPIES";
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public Set<History.Part> reads() {
            return Set.of(History.Part.FINGERPRINT_PEERS);
        }

        @Override
        public List<Finding> evaluate(ParsedReport report) {
            return List.of();
        }

        @Override
        public List<Finding> evaluate(ParsedReport report, History history) {
            if (!history.fingerprintPeers().isEmpty()) {
                throw new IllegalStateException("rule bug on copies");
            }
            return List.of();
        }
    }

    @Test
    void aRuleThatThrowsJudgingAReportAgainForACopyDeadLettersTheCopyFoundAndCompletes(@TempDir Path stateDir) {
        ParsedReport report = ReportFixture.consistent2021().build();
        String agencyKey = "64|盐池县花马池镇";
        CopyFound found = CopyFound.newBuilder().setEntryKey(HistoryIndex.entryKey(agencyKey, report.getYear()))
                .setReportId(report.getReportId()).setPlace("640323").setCopyEntryKey("41|开封市某局|2023")
                .setCopyPlace("410205").setCopyReportId("c".repeat(64)).setCopyAgency("开封市某局").setCopyYear(2023)
                .setSimilarity(1.0).build();

        try (TopologyHarness harness = new TopologyHarness(new RuleEngine(List.of(new ThrowingOnCopiesElsewhere())),
                stateDir)) {
            harness.send(agencyKey, AvroCodec.of(ParsedReport.class).encode(report), null);
            harness.copyFoundElsewhere(agencyKey, AvroCodec.of(CopyFound.class).encode(found));

            assertThat(harness.validated.received()).as("the report's own verdict only").hasSize(1);
            assertThat(harness.deadLetters.received()).map(Received::getPayload).singleElement().satisfies(letter -> {
                assertThat(letter.getErrorType()).isEqualTo("RULE_FAILED");
                assertThat(letter.getReason()).contains("rule bug on copies");
                assertThat(letter.getReportId()).isEqualTo(report.getReportId());
                assertThat(letter.getOriginalTopic()).isEqualTo(Topics.COPIES_FOUND);
            });
            // the partition goes on
            harness.send(agencyKey, AvroCodec.of(ParsedReport.class).encode(report), null);
            assertThat(harness.validated.received()).hasSize(2);
        }
    }

    @Test
    void aRuleThatThrowsDeadLettersTheReportAsRuleFailedAndCompletes(@TempDir Path stateDir) {
        ParsedReport report = ReportFixture.consistent2021().build();
        byte[] value = AvroCodec.of(ParsedReport.class).encode(report);

        try (TopologyHarness harness = new TopologyHarness(new RuleEngine(List.of(new ThrowingRule())), stateDir)) {
            harness.send("key", value, null);

            assertThat(harness.validated.received()).as("no verdict expected").isEmpty();
            assertThat(harness.deadLetters.received()).map(Received::getPayload).singleElement().satisfies(letter -> {
                assertThat(letter.getStage()).isEqualTo("validate");
                assertThat(letter.getErrorType()).isEqualTo("RULE_FAILED");
                assertThat(letter.getReason()).contains("rule bug");
                assertThat(letter.getReportId()).isEqualTo(report.getReportId());
                assertThat(letter.getOriginalOffset()).isEqualTo(0L);
            });
            // the partition goes on: the next record is taken, and dead-lettered too
            harness.send("key", value, null);
            assertThat(harness.deadLetters.received()).hasSize(2);
        }
    }
}
