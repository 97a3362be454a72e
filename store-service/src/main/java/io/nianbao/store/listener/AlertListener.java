package io.nianbao.store.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.schema.Alert;
import io.nianbao.store.service.AlertService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** {@code reports.alerts} into the {@code alerts} collection; acknowledged like {@link ValidatedReportListener}. */
@ApplicationScoped
public class AlertListener {
    public static final String CHANNEL = "alerts";

    private final RecordDecoder decoder;
    private final AlertService alerts;

    AlertListener(RecordDecoder decoder, AlertService alerts) {
        this.decoder = decoder;
        this.alerts = alerts;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        decoder.decode(record, Alert.class).ifPresent(alerts::store);
    }
}
