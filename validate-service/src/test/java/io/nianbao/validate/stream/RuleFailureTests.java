package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.Rule;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.stream.TopologyHarness.Received;

/** A rule that throws must not stop the service: the report is dead-lettered and the next one validated. */
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
