package io.nianbao.validate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.Rule;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.Topics;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.publisher.ReportPublisher;
import io.nianbao.validate.repository.HistoryStore;
import io.smallrye.mutiny.Uni;

/** A rule that throws must not stop the service: the report is dead-lettered and the record acknowledged. */
class RuleFailureTests {

    /** Keeps the dead letters and fails any other send: a report whose rules threw has no verdict to publish. */
    private static final class DeadLetterRecorder extends ReportPublisher {
        final List<DeadLetter> deadLetters = new ArrayList<>();

        @Override
        public Uni<Void> deadLetter(String key, String province, DeadLetter letter) {
            deadLetters.add(letter);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> validated(String key, String province, ValidatedReport report) {
            return Uni.createFrom().failure(new AssertionError("no verdict expected"));
        }
    }

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
    void aRuleThatThrowsDeadLettersTheReportAsRuleFailedAndCompletes() {
        ValidationService service = new ValidationService();
        DeadLetterRecorder publisher = new DeadLetterRecorder();
        service.engine = new RuleEngine(List.of(new ThrowingRule()));
        service.publisher = publisher;
        service.historyStore = new HistoryStore();
        service.registry = new SimpleMeterRegistry();
        ParsedReport report = ReportFixture.consistent2021().build();
        byte[] value = AvroCodec.of(ParsedReport.class).encode(report);

        service.validate(new ConsumerRecord<>(Topics.PARSED, 1, 9L, "key", value)).await().indefinitely();

        assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getStage()).isEqualTo("validate");
            assertThat(letter.getErrorType()).isEqualTo("RULE_FAILED");
            assertThat(letter.getReason()).contains("rule bug");
            assertThat(letter.getReportId()).isEqualTo(report.getReportId());
            assertThat(letter.getOriginalOffset()).isEqualTo(9L);
        });
    }
}
