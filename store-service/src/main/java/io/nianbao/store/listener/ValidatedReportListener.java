package io.nianbao.store.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.service.ReportService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * {@code reports.validated} into the {@code reports} collection. The record is acknowledged when this method
 * returns, i.e. after the write (or the dead letter); while MongoDB is unreachable it does not return
 * ({@link MongoAvailability}), and when the service stops meanwhile it throws: the record is nacked, not
 * committed, and consumed again after the restart.
 */
@ApplicationScoped
public class ValidatedReportListener {
    public static final String CHANNEL = "validated-reports";

    private final RecordWriter writer;
    private final ReportService reports;

    ValidatedReportListener(RecordWriter writer, ReportService reports) {
        this.writer = writer;
        this.reports = reports;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        writer.write(record, ValidatedReport.class, reports::store);
    }
}
