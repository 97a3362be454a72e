package io.nianbao.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Counter {@code nianbao.ingest.uploads}, tagged outcome (accepted/refused) and HTTP status. */
@ApplicationScoped
public class UploadMetrics {
    static final String UPLOADS = "nianbao.ingest.uploads";

    private final MeterRegistry registry;

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted() {
        count("accepted", 202);
    }

    void refused(int status) {
        count("refused", status);
    }

    private void count(String outcome, int status) {
        registry.counter(UPLOADS, "outcome", outcome, "status", Integer.toString(status)).increment();
    }
}
