package io.nianbao.parse.service;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Reports parsed, dead letters by errorType, how long parses take, and how long the parser's warm-up took. */
@ApplicationScoped
public class ParseMetrics {
    private final MeterRegistry registry;
    private final Counter parsed;
    private final Timer duration;
    private final Timer warmUp;

    public ParseMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.parsed = Counter.builder("nianbao.parse.reports.parsed").description("Reports parsed").register(registry);
        this.duration = Timer.builder("nianbao.parse.duration").description("Time to parse one document")
                .register(registry);
        this.warmUp = Timer.builder("nianbao.parse.warm.up")
                .description("Time the parser took over the bundled report it reads while the service starts")
                .register(registry);
    }

    void parsed() {
        parsed.increment();
    }

    void deadLettered(String errorType) {
        Counter.builder("nianbao.parse.dead.letters").description("Records dead-lettered, by error type")
                .tag("errorType", errorType).register(registry).increment();
    }

    void took(Duration elapsed) {
        duration.record(elapsed);
    }

    void warmedUp(Duration elapsed) {
        warmUp.record(elapsed);
    }
}
