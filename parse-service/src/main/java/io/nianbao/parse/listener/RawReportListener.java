package io.nianbao.parse.listener;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.parse.producer.DeadLetterProducer;
import io.nianbao.parse.producer.ParsedReportProducer;
import io.nianbao.parse.service.ParseConfig;
import io.nianbao.parse.service.ParseOutcome;
import io.nianbao.parse.service.ParseService;
import io.nianbao.parse.service.RecordOrigin;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.RecordTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes reports.raw with many records in flight: a record is parsed, its outcome (parsed report or dead letter)
 * handed to the producer, and the next record is parsed at once, without waiting for the broker. Each record is
 * acked only once the broker acknowledged its outcome, so a crash in between redelivers it: at least once. The
 * throttled commit strategy commits a partition's offset only up to its oldest record not acked yet, so acks
 * arriving out of order never commit a record whose outcome is not written.
 * <p>
 * Outcomes are handed to the producer in the order the records were consumed (this method is called for one
 * record at a time), and the idempotent producer keeps that order per partition: a key's records stay in order.
 * At most {@code nianbao.parse.max-in-flight} outcomes wait for the broker: past that, a record's processing
 * completes only when the oldest send is done, which slows consumption down to the broker's pace (and keeps the
 * emitter's buffer from overflowing) without blocking a thread.
 * <p>
 * A record's parse, from consumption to its outcome's acknowledgement, is the document's "parse" span, which its
 * outcome's record carries on.
 */
@ApplicationScoped
public class RawReportListener {
    public static final String RAW_REPORTS = "raw-reports";
    static final String STAGE = "parse";

    private final ParseService parseService;
    private final ParsedReportProducer parsedReports;
    private final DeadLetterProducer deadLetters;
    private final int maxInFlight;
    private final RecordTracing tracing;
    /** Completions of the sends not yet done, oldest first; only touched by consume, which runs one at a time. */
    private final Queue<CompletableFuture<Void>> sending = new ArrayDeque<>();

    public RawReportListener(ParseService parseService, ParsedReportProducer parsedReports,
            DeadLetterProducer deadLetters, ParseConfig config, OpenTelemetry openTelemetry) {
        this.parseService = parseService;
        this.tracing = new RecordTracing(openTelemetry);
        this.parsedReports = parsedReports;
        this.deadLetters = deadLetters;
        this.maxInFlight = config.maxInFlight();
    }

    /** Completes once the record is parsed and its outcome is sending; the record's ack follows the broker's. */
    @Incoming(RAW_REPORTS)
    public Uni<Void> consume(Message<byte[]> message) {
        Context received = received(message);
        Span span = tracing.start(STAGE, received, null, null);
        return parseService.handle(message.getPayload(), origin(message))
                .onFailure().invoke(failure -> end(span, failure))
                .chain(outcome -> {
                    describe(span, outcome);
                    CompletableFuture<Void> sent = publish(outcome, received.with(span)).subscribeAsCompletionStage();
                    sent.whenComplete((done, failure) -> {
                        end(span, failure);
                        if (failure == null) {
                            message.ack();
                        } else {
                            // The send failed: nack, so the failure strategy stops consumption before the offset moves.
                            message.nack(failure);
                        }
                    });
                    sending.add(sent);
                    sending.removeIf(CompletableFuture::isDone);
                    return sending.size() < maxInFlight ? Uni.createFrom().voidItem()
                            : Uni.createFrom().completionStage(sending.remove()).onFailure().recoverWithNull();
                });
    }

    private Uni<Void> publish(ParseOutcome outcome, Context trace) {
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            return parsedReports.send(parsed.report(), parsed.key(), parsed.province(), trace);
        }
        ParseOutcome.DeadLettered failed = (ParseOutcome.DeadLettered) outcome;
        return deadLetters.send(failed.deadLetter(), failed.key(), failed.province(), trace);
    }

    /** The connector's span of the record, whose parent ingest-service's span is (the record's traceparent header). */
    private static Context received(Message<byte[]> message) {
        return TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
    }

    private static void describe(Span span, ParseOutcome outcome) {
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            RecordTracing.describe(span, parsed.report().getReportId(), parsed.report().getAgency());
        } else {
            RecordTracing.describe(span, ((ParseOutcome.DeadLettered) outcome).deadLetter().getReportId(), null);
        }
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            RecordTracing.fail(span, failure);
        }
        span.end();
    }

    @SuppressWarnings("unchecked")
    private static RecordOrigin origin(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new RecordOrigin(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                        kafka.getKey() == null ? null : String.valueOf(kafka.getKey())))
                .orElse(new RecordOrigin(Topics.RAW, -1, -1, null));
    }
}
