package io.nianbao.store.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.schema.Alert;
import io.nianbao.store.domain.AlertDocuments;
import io.nianbao.store.domain.AlertQuery;
import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.StoreOutcome;
import io.nianbao.store.repository.AlertRepository;

/** Keeps every alert once, however often it is delivered. */
@ApplicationScoped
public class AlertService {
    private final AlertRepository alerts;
    private final OutcomeCounters counters;

    AlertService(AlertRepository alerts, MeterRegistry metrics) {
        this.alerts = alerts;
        this.counters = new OutcomeCounters(metrics, "nianbao.store.alerts", StoreOutcome.STORED, StoreOutcome.UNCHANGED);
    }

    public StoreOutcome store(Alert alert) {
        StoreOutcome outcome = alerts.save(AlertDocuments.of(alert));
        counters.count(outcome);
        return outcome;
    }

    public Page<Document> find(AlertQuery query) {
        return alerts.find(query);
    }
}
