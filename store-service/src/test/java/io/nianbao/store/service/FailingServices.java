package io.nianbao.store.service;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.schema.Alert;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.domain.StoreOutcome;

/**
 * Services whose writes fail with the queued failures, one per attempt, and then succeed (storing nothing), to
 * install with {@code QuarkusMock}. The queue empty means every failure was met; {@code written} counts the writes
 * that succeeded.
 */
public final class FailingServices {
    private FailingServices() {
    }

    public static ReportService reports(Queue<RuntimeException> failures, AtomicInteger written) {
        return new ReportService(null, new SimpleMeterRegistry()) {
            @Override
            public List<StoreOutcome> storeAll(List<ValidatedReport> batch) {
                return batch.stream().map(validated -> nextAttempt(failures, written)).toList();
            }
        };
    }

    public static AlertService alerts(Queue<RuntimeException> failures, AtomicInteger written) {
        return new AlertService(null, new SimpleMeterRegistry(), 1) {
            @Override
            public List<StoreOutcome> storeAll(List<Alert> batch) {
                return batch.stream().map(alert -> nextAttempt(failures, written)).toList();
            }
        };
    }

    /** A report service whose writes count {@code writing} down, wait until {@code answered} opens, then store nothing. */
    public static ReportService answeringWhenTold(CountDownLatch writing, CountDownLatch answered) {
        return new ReportService(null, new SimpleMeterRegistry()) {
            @Override
            public List<StoreOutcome> storeAll(List<ValidatedReport> batch) {
                writing.countDown();
                try {
                    answered.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to answer", e);
                }
                return batch.stream().map(validated -> StoreOutcome.STORED).toList();
            }
        };
    }

    private static StoreOutcome nextAttempt(Queue<RuntimeException> failures, AtomicInteger written) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        written.incrementAndGet();
        return StoreOutcome.STORED;
    }
}
