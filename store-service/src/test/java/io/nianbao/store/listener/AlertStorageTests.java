package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.consumed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Alert;
import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class AlertStorageTests {
    private static final Instant RAISED = Instant.parse("2025-02-01T10:00:00Z");

    @Inject
    TestStore store;

    @BeforeEach
    void emptyStore() {
        store.clear();
    }

    @Test
    void anAlertIsStoredUnderItsIdWithItsFindingFlattened() {
        deliver(alert("a1", "r1", "64", 2024, RAISED));

        Document stored = store.alerts().find().first();
        assertThat(stored).containsEntry("_id", "a1").containsEntry("reportId", "r1").containsEntry("provinceCode", "64")
                .containsEntry("year", 2024).containsEntry("ruleId", "S3-BALANCE").containsEntry("severity", "ERROR")
                .containsEntry("messageZh", "申请数量不平衡").containsEntry("expected", "1").containsEntry("found", "2")
                .containsEntry("cells", List.of("applications.newApplications[6]"))
                .containsEntry("raisedAt", Date.from(RAISED)).doesNotContainKeys("finding", "alertId");
    }

    @Test
    void aRedeliveredAlertChangesNothing() {
        deliver(alert("a1", "r1", "64", 2024, RAISED));
        Document first = store.alerts().find().first();

        deliver(alert("a1", "r1", "64", 2024, RAISED.plusSeconds(3600)));

        assertThat(store.alerts().find().into(new ArrayList<>())).containsExactly(first);
    }

    @Test
    void anUndecodableAlertGoesToTheDeadLetterTopic() {
        store.deliver(AlertListener.CHANNEL, consumed(Topics.ALERTS, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(store.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getOriginalTopic()).isEqualTo(Topics.ALERTS);
            assertThat(letter.getReason()).contains("Alert");
        });
        assertThat(store.alerts().countDocuments()).isZero();
    }

    private void deliver(Alert alert) {
        store.deliver(AlertListener.CHANNEL, consumed(Topics.ALERTS, alert));
    }
}
