package io.nianbao.store.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    private final int liveFeedBuffer;

    AlertService(AlertRepository alerts, MeterRegistry metrics,
            @ConfigProperty(name = "nianbao.store.live-feed-buffer") int liveFeedBuffer) {
        this.alerts = alerts;
        this.liveFeedBuffer = liveFeedBuffer;
        this.counters = new OutcomeCounters(metrics, "nianbao.store.alerts", StoreOutcome.STORED, StoreOutcome.UNCHANGED);
    }

    public StoreOutcome store(Alert alert) {
        return storeAll(List.of(alert)).get(0);
    }

    /** Stores the alerts as one batch ({@link AlertRepository#saveAll}); the outcome of each, in order. */
    public List<StoreOutcome> storeAll(List<Alert> batch) {
        List<Document> documents = batch.stream().map(AlertDocuments::of).toList();
        List<StoreOutcome> outcomes = alerts.saveAll(documents);
        for (int i = 0; i < documents.size(); i++) {
            counters.count(outcomes.get(i));
            if (outcomes.get(i) == StoreOutcome.STORED) {
                // Only after the write: the feed never shows an alert the store does not have, nor one twice.
                feed.onNext(documents.get(i));
            }
        }
        return outcomes;
    }

    /**
     * Alerts as they are stored from now on, for every subscriber (the dashboard's live feed). Each subscriber has
     * its own buffer: one report raises several alerts back to back, and the processor fails a subscriber that has
     * not yet asked for the next alert (its last event still being written). Only a subscriber that falls a whole
     * buffer behind is dropped (its stream ends; an EventSource reconnects).
     */
    public Multi<Document> live() {
        return feed.onOverflow().buffer(liveFeedBuffer);
    }

    public Page<Document> find(AlertQuery query) {
        return alerts.find(query);
    }
}
