package io.nianbao.store.listener;

import static io.nianbao.store.TestRecords.alert;
import static io.nianbao.store.TestRecords.consumed;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoTimeoutException;

import io.nianbao.schema.Topics;
import io.nianbao.store.MongoTestResource;
import io.nianbao.store.TestStore;
import io.nianbao.store.service.AlertService;
import io.nianbao.store.service.FailingServices;
import io.nianbao.store.service.ReportService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** A record whose write failed is nacked, never acked: its offset is not committed, so it is not lost. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class StoreFailureTests {
    private static final MongoTimeoutException MONGO_DOWN = new MongoTimeoutException("no server reachable");

    @Inject
    TestStore store;

    @BeforeEach
    void mongoIsDown() {
        store.clear();
        QuarkusMock.installMockForType(FailingServices.reports(MONGO_DOWN), ReportService.class);
        QuarkusMock.installMockForType(FailingServices.alerts(MONGO_DOWN), AlertService.class);
    }

    @Test
    void aReportThatCouldNotBeWrittenIsNacked() {
        var outcome = store.send(ValidatedReportListener.CHANNEL,
                consumed(Topics.VALIDATED, validated("r1", "盐池县花马池镇", 2024, "64", "p1")));

        assertThat(outcome).failsWithin(30, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
                .isSameAs(MONGO_DOWN);
        assertThat(store.deadLetters()).isEmpty();
    }

    @Test
    void anAlertThatCouldNotBeWrittenIsNacked() {
        var outcome = store.send(AlertListener.CHANNEL,
                consumed(Topics.ALERTS, alert("a1", "r1", "64", 2024, Instant.now())));

        assertThat(outcome).failsWithin(30, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
                .isSameAs(MONGO_DOWN);
    }
}
