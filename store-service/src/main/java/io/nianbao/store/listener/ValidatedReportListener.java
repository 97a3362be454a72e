package io.nianbao.store.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.service.ReportService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * {@code reports.validated} into the {@code reports} collection, a polled batch at a time (one read and one
 * {@code bulkWrite}). The batch is acknowledged when this method returns, i.e. after MongoDB acknowledged the write
 * (and the broker every dead letter); while MongoDB is unreachable it does not return ({@link MongoAvailability}),
 * and when the service stops meanwhile it throws: the batch is nacked, not committed, and consumed again after the
 * restart.
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
    public void consume(ConsumerRecords<String, byte[]> records) {
        writer.write(records, ValidatedReport.class, validated -> validated.getReport().getAgency(), reports::storeAll);
    }
}
