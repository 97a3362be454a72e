package io.nianbao.store.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.schema.Alert;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.domain.StoreOutcome;

/** Services whose every write fails as when MongoDB is unreachable, to install with {@code QuarkusMock}. */
public final class FailingServices {
    private FailingServices() {
    }

    public static ReportService reports(RuntimeException failure) {
        return new ReportService(null, new SimpleMeterRegistry()) {
            @Override
            public StoreOutcome store(ValidatedReport validated) {
                throw failure;
            }
        };
    }

    public static AlertService alerts(RuntimeException failure) {
        return new AlertService(null, new SimpleMeterRegistry()) {
            @Override
            public StoreOutcome store(Alert alert) {
                throw failure;
            }
        };
    }
}
