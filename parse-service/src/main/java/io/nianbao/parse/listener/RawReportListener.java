package io.nianbao.parse.listener;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.parse.producer.DeadLetterProducer;
import io.nianbao.parse.producer.ParsedReportProducer;
import io.nianbao.parse.service.ParseOutcome;
import io.nianbao.parse.service.ParseService;
import io.nianbao.parse.service.RecordOrigin;
import io.nianbao.schema.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes reports.raw. The incoming record is acked only after its outcome (parsed report or dead letter) was
 * acknowledged by the broker, so a crash in between redelivers it: at least once.
 */
@ApplicationScoped
public class RawReportListener {
    public static final String RAW_REPORTS = "raw-reports";

    private final ParseService parseService;
    private final ParsedReportProducer parsedReports;
    private final DeadLetterProducer deadLetters;

    public RawReportListener(ParseService parseService, ParsedReportProducer parsedReports,
            DeadLetterProducer deadLetters) {
        this.parseService = parseService;
        this.parsedReports = parsedReports;
        this.deadLetters = deadLetters;
    }

    @Incoming(RAW_REPORTS)
    public Uni<Void> consume(Message<byte[]> message) {
        return parseService.handle(message.getPayload(), origin(message))
                .chain(this::publish)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                // The send failed: nack, so the failure strategy stops consumption before the offset moves.
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(message.nack(failure)));
    }

    private Uni<Void> publish(ParseOutcome outcome) {
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            return parsedReports.send(parsed.report(), parsed.key(), parsed.province());
        }
        ParseOutcome.DeadLettered failed = (ParseOutcome.DeadLettered) outcome;
        return deadLetters.send(failed.deadLetter(), failed.key(), failed.province());
    }

    @SuppressWarnings("unchecked")
    private static RecordOrigin origin(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new RecordOrigin(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                        kafka.getKey() == null ? null : String.valueOf(kafka.getKey())))
                .orElse(new RecordOrigin(Topics.RAW, -1, -1, null));
    }
}
