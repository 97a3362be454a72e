package io.nianbao.store.service;

import java.util.Queue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.schema.Alert;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.domain.StoreOutcome;

/**
 * Services whose writes fail with the queued failures, one per attempt, and then succeed (storing nothing), to
 * install with {@code QuarkusMock}. The queue empty means every failure was met.
 */
public final class FailingServices {
    private FailingServices() {
    }

    public static ReportService reports(Queue<RuntimeException> failures) {
        return new ReportService(null, new SimpleMeterRegistry()) {
            @Override
            public StoreOutcome store(ValidatedReport validated) {
                return nextAttempt(failures);
            }
        };
    }

    public static AlertService alerts(Queue<RuntimeException> failures) {
        return new AlertService(null, new SimpleMeterRegistry(), 1) {
            @Override
            public StoreOutcome store(Alert alert) {
                return nextAttempt(failures);
            }
        };
    }

    private static StoreOutcome nextAttempt(Queue<RuntimeException> failures) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return StoreOutcome.STORED;
    }
}
