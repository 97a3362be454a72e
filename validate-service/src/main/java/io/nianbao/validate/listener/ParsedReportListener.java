package io.nianbao.validate.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.nianbao.validate.service.ValidationService;
import io.smallrye.mutiny.Uni;

/** Consumes reports.parsed. */
@ApplicationScoped
public class ParsedReportListener {
    /** reports.parsed as raw bytes, so that a record that does not decode can be dead-lettered as it came. */
    public static final String PARSED_REPORTS = "parsed-reports";

    @Inject
    ValidationService validationService;

    /**
     * The offset is committed only when the returned Uni completes, i.e. after the broker acknowledged every
     * record it produced; a failure nacks the record, which the channel's failure strategy then handles.
     */
    @Incoming(PARSED_REPORTS)
    @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
    public Uni<Void> onParsedReport(ConsumerRecord<String, byte[]> record) {
        return validationService.validate(record);
    }
}
