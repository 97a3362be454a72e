package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static io.nianbao.store.domain.DeadLetterDocuments.ERROR_TYPE;
import static io.nianbao.store.domain.DeadLetterDocuments.FAILED_AT;
import static io.nianbao.store.domain.DeadLetterDocuments.ID;
import static io.nianbao.store.domain.DeadLetterDocuments.ORIGIN;
import static io.nianbao.store.domain.DeadLetterDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.DeadLetterDocuments.REPLAYED_AT;
import static io.nianbao.store.domain.DeadLetterDocuments.REPORT_ID;
import static io.nianbao.store.domain.DeadLetterDocuments.STAGE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.nianbao.store.domain.DeadLetterQuery;
import io.nianbao.store.domain.Page;

/** The {@code deadLetters} collection: one document per record of {@code reports.dlq}. */
@ApplicationScoped
public class DeadLetterRepository {
    public static final String COLLECTION = "deadLetters";

    /** The listing's filters, each with its order (newest failure first) behind it. */
    public static final List<Bson> INDEXES = List.of(
            Indexes.descending(FAILED_AT),
            Indexes.compoundIndex(Indexes.ascending(PROVINCE_CODE), Indexes.descending(FAILED_AT)),
            Indexes.compoundIndex(Indexes.ascending(STAGE, ERROR_TYPE), Indexes.descending(FAILED_AT)),
            Indexes.ascending(REPORT_ID));

    private final MongoCollection<Document> deadLetters;
    private volatile boolean indexed;

    DeadLetterRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.deadLetters = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** Inserts the dead letter or leaves it as it was (a redelivery): its replay, if any, is kept. */
    public void save(Document deadLetter) {
        if (!indexed) {
            // On the first write rather than at startup: the store starts whether or not MongoDB answers.
            INDEXES.forEach(deadLetters::createIndex);
            indexed = true;
        }
        Document fields = new Document(deadLetter);
        Object id = fields.remove(ID);
        ConnectionLoss.retryOnce(() -> deadLetters.updateOne(eq(ID, id), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true)));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(deadLetters.find(eq(ID, id)).first());
    }

    public Page<Document> find(DeadLetterQuery query) {
        return PagedQuery.find(deadLetters, conditions(query), DeadLetterQuery.ORDER, query.page());
    }

    /** Dead letters matching the filters, counted per stage and per error type (by MongoDB). */
    public Map<String, Map<String, Long>> counts(DeadLetterQuery query) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String field : List.of(STAGE, ERROR_TYPE)) {
            Map<String, Long> byValue = new LinkedHashMap<>();
            deadLetters.aggregate(List.of(Aggregates.match(PagedQuery.all(conditions(query))),
                            Aggregates.group("$" + field, Accumulators.sum("count", 1L)),
                            Aggregates.sort(new Document("_id", 1))))
                    .forEach(group -> byValue.put(String.valueOf(group.get("_id")), ((Number) group.get("count")).longValue()));
            counts.put(field, byValue);
        }
        return counts;
    }

    /**
     * Marks the dead letter replayed at {@code at} unless it was already: true for the one caller that may
     * publish its record again, so two replays of one dead letter publish it once.
     */
    public boolean claimReplay(String id, Instant at) {
        return deadLetters.updateOne(and(eq(ID, id), eq(REPLAYED_AT, null)), Updates.set(REPLAYED_AT, at))
                .getModifiedCount() == 1;
    }

    /** Undoes a claim whose publication failed, so the replay can be asked for again. */
    public void releaseReplay(String id) {
        deadLetters.updateOne(eq(ID, id), Updates.unset(REPLAYED_AT));
    }

    public void recordReplay(String id, Document replay) {
        deadLetters.updateOne(eq(ID, id), Updates.set("replay", replay));
    }

    private static List<Bson> conditions(DeadLetterQuery query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, query.provinceCode());
        equalities.put(STAGE, query.stage());
        equalities.put(ERROR_TYPE, query.errorType());
        equalities.put(ORIGIN, query.origin());
        List<Bson> conditions = new ArrayList<>(PagedQuery.equalities(equalities));
        if (query.since() != null) {
            conditions.add(Filters.gte(FAILED_AT, query.since()));
        }
        return conditions;
    }
}
