package io.nianbao.parse.producer;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.schema.ParsedReport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes parsed reports to reports.parsed, keyed by agency. */
@ApplicationScoped
public class ParsedReportProducer {
    public static final String PARSED_REPORTS = "parsed-reports";

    private final MutinyEmitter<ParsedReport> emitter;

    public ParsedReportProducer(@Channel(PARSED_REPORTS) MutinyEmitter<ParsedReport> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> send(ParsedReport report, String key, String province) {
        return emitter.sendMessage(Message.of(report).addMetadata(
                OutgoingRecords.metadata(key, province, report.getReportId())));
    }
}
