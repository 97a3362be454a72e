package io.nianbao.store.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.service.ReportService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * {@code reports.validated} into the {@code reports} collection. The record is acknowledged when this method
 * returns, i.e. after the write; a failed write throws, which nacks it and stops the channel
 * ({@code failure-strategy=fail}), so the uncommitted record is consumed again after a restart.
 */
@ApplicationScoped
public class ValidatedReportListener {
    public static final String CHANNEL = "validated-reports";

    private final RecordDecoder decoder;
    private final ReportService reports;

    ValidatedReportListener(RecordDecoder decoder, ReportService reports) {
        this.decoder = decoder;
        this.reports = reports;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        decoder.decode(record, ValidatedReport.class).ifPresent(reports::store);
    }
}
