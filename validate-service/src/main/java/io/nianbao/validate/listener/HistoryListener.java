package io.nianbao.validate.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.validate.repository.HistoryStore;

/**
 * Follows reports.history after the start-up load (HistoryLoader): entries other instances write, e.g. for an
 * agency whose partition moved here in a rebalance.
 */
@ApplicationScoped
public class HistoryListener {
    /** reports.history, as raw bytes. */
    public static final String HISTORY = "history";

    @Inject
    HistoryStore store;

    @Incoming(HISTORY)
    public void onHistoryEntry(ConsumerRecord<String, byte[]> record) {
        store.load(record.key(), record.value());
    }
}
