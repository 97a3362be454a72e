package io.nianbao.parse.producer;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.nianbao.schema.DeadLetter;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes what could not be parsed to reports.dlq, under the original record's key. */
@ApplicationScoped
public class DeadLetterProducer {
    public static final String DEAD_LETTERS = "dead-letters";

    private final MutinyEmitter<DeadLetter> emitter;

    public DeadLetterProducer(@Channel(DEAD_LETTERS) MutinyEmitter<DeadLetter> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record; {@code trace} is the document's parse span. */
    public Uni<Void> send(DeadLetter deadLetter, String key, String province, Context trace) {
        return emitter.sendMessage(OutgoingRecords.message(deadLetter, key, province, deadLetter.getReportId(), trace));
    }
}
