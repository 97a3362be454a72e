package io.nianbao.store.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.schema.Alert;
import io.nianbao.store.service.AlertService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** {@code reports.alerts} into the {@code alerts} collection; batched and acknowledged like {@link ValidatedReportListener}. */
@ApplicationScoped
public class AlertListener {
    public static final String CHANNEL = "alerts";

    private final RecordWriter writer;
    private final AlertService alerts;

    AlertListener(RecordWriter writer, AlertService alerts) {
        this.writer = writer;
        this.alerts = alerts;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        writer.write(records, Alert.class, Alert::getAgency, alerts::storeAll);
    }
}
