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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Keeps every alert once, however often it is delivered. */
@ApplicationScoped
public class AlertService {
    private final AlertRepository alerts;
    private final OutcomeCounters counters;
    private final BroadcastProcessor<Document> feed = BroadcastProcessor.create();

    AlertService(AlertRepository alerts, MeterRegistry metrics) {
        this.alerts = alerts;
        this.counters = new OutcomeCounters(metrics, "nianbao.store.alerts", StoreOutcome.STORED, StoreOutcome.UNCHANGED);
    }

    public StoreOutcome store(Alert alert) {
        Document document = AlertDocuments.of(alert);
        StoreOutcome outcome = alerts.save(document);
        counters.count(outcome);
        if (outcome == StoreOutcome.STORED) {
            // Only after the write: the feed never shows an alert the store does not have, nor one twice.
            feed.onNext(document);
        }
        return outcome;
    }

    /** Alerts as they are stored from now on, for every subscriber (the dashboard's live feed). */
    public Multi<Document> live() {
        return feed;
    }

    public Page<Document> find(AlertQuery query) {
        return alerts.find(query);
    }
}
