package io.nianbao.parse.producer;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.nianbao.schema.ParsedReport;
import io.opentelemetry.context.Context;
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

    /** Completes when the broker has acknowledged the record; {@code trace} is the document's parse span. */
    public Uni<Void> send(ParsedReport report, String key, String province, Context trace) {
        return emitter.sendMessage(OutgoingRecords.message(report, key, province, report.getReportId(), trace));
    }
}
