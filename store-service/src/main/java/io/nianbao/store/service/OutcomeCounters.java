package io.nianbao.store.service;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.store.domain.StoreOutcome;

/** One counter per outcome of a write, tagged {@code outcome}. */
final class OutcomeCounters {
    private final Map<StoreOutcome, Counter> counters = new EnumMap<>(StoreOutcome.class);

    /** Registered up front, so every possible outcome is exported (as 0) before the first record arrives. */
    OutcomeCounters(MeterRegistry metrics, String name, StoreOutcome... outcomes) {
        for (StoreOutcome outcome : outcomes) {
            counters.put(outcome, metrics.counter(name, "outcome", outcome.name().toLowerCase()));
        }
    }

    void count(StoreOutcome outcome) {
        counters.get(outcome).increment();
    }
}
