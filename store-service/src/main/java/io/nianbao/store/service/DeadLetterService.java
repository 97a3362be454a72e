package io.nianbao.store.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.nianbao.schema.DeadLetter;
import io.nianbao.store.domain.DeadLetterDocuments;
import io.nianbao.store.domain.DeadLetterQuery;
import io.nianbao.store.domain.DocumentEvents;
import io.nianbao.store.domain.Page;
import io.nianbao.store.producer.ReplayProducer;
import io.nianbao.store.repository.DeadLetterLog;
import io.nianbao.store.repository.DeadLetterRepository;

/** Keeps the dead letters of every stage, shows them, and replays them once their cause is fixed. */
@ApplicationScoped
public class DeadLetterService {
    /** What a replay did: {@code replayed} false when the dead letter had been replayed before (nothing sent). */
    public record Replay(Document deadLetter, boolean replayed) {
    }

    private final DeadLetterRepository deadLetters;
    private final DocumentService documents;
    private final DeadLetterLog log;
    private final ReplayProducer producer;

    DeadLetterService(DeadLetterRepository deadLetters, DocumentService documents, DeadLetterLog log,
            ReplayProducer producer) {
        this.deadLetters = deadLetters;
        this.documents = documents;
        this.log = log;
        this.producer = producer;
    }

    /** Stores the dead letter found at {@code partition}/{@code offset} of reports.dlq, and its document's failure. */
    public void store(DeadLetter letter, int partition, long offset, String provinceCode) {
        Document document = DeadLetterDocuments.of(letter, partition, offset, provinceCode);
        deadLetters.save(document);
        String reportId = document.getString(DeadLetterDocuments.REPORT_ID);
        if (reportId != null) {
            documents.record(reportId, DocumentEvents.failed(letter, document.getString(DeadLetterDocuments.ID)));
        }
    }

    public Optional<Document> find(String id) {
        return deadLetters.find(id);
    }

    public Page<Document> find(DeadLetterQuery query) {
        return deadLetters.find(query);
    }

    public Map<String, Map<String, Long>> counts(DeadLetterQuery query) {
        return deadLetters.counts(query);
    }

    /**
     * Publishes the dead letter's original record again to the topic it came from, once: a dead letter already
     * replayed is left as it is.
     *
     * @return empty when there is no such dead letter
     * @throws OriginalGoneException when reports.dlq no longer holds the record (its retention has passed)
     */
    public Optional<Replay> replay(String id) {
        Optional<Document> found = deadLetters.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Document stored = found.get();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!deadLetters.claimReplay(id, at)) {
            return Optional.of(new Replay(stored, false));
        }
        try {
            DeadLetter letter = log.read(stored.getInteger(DeadLetterDocuments.DEAD_LETTER_PARTITION),
                            stored.getLong(DeadLetterDocuments.DEAD_LETTER_OFFSET))
                    .orElseThrow(() -> new OriginalGoneException(id));
            producer.publish(letter, id, stored.getString(DeadLetterDocuments.PROVINCE_CODE));
        } catch (RuntimeException e) {
            deadLetters.releaseReplay(id);
            throw e;
        }
        deadLetters.recordReplay(id, DeadLetterDocuments.replay(at, stored.getString(DeadLetterDocuments.ORIGINAL_TOPIC)));
        return Optional.of(new Replay(deadLetters.find(id).orElseThrow(), true));
    }

    /** The dead letter's record is no longer on reports.dlq: it cannot be replayed from there. */
    public static class OriginalGoneException extends RuntimeException {
        OriginalGoneException(String id) {
            super("the original record of dead letter " + id + " is no longer on reports.dlq (its retention has "
                    + "passed); upload the document again");
        }
    }
}
