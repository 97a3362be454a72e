package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.eq;
import static io.nianbao.store.domain.AlertDocuments.AGENCY;
import static io.nianbao.store.domain.AlertDocuments.ID;
import static io.nianbao.store.domain.AlertDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.AlertDocuments.RAISED_AT;
import static io.nianbao.store.domain.AlertDocuments.REPORT_ID;
import static io.nianbao.store.domain.AlertDocuments.RULE_ID;
import static io.nianbao.store.domain.AlertDocuments.SEVERITY;
import static io.nianbao.store.domain.AlertDocuments.YEAR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

import io.nianbao.store.domain.AlertQuery;
import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.StoreOutcome;

/** The {@code alerts} collection, keyed by each alert's dedup key. */
@ApplicationScoped
public class AlertRepository {
    public static final String COLLECTION = "alerts";

    private final MongoCollection<Document> alerts;

    AlertRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.alerts = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** The alert listing's filters, each with the feed's order (newest first) behind it. */
    public static final List<Bson> INDEXES = List.of(
            Indexes.ascending(REPORT_ID),
            Indexes.compoundIndex(Indexes.ascending(PROVINCE_CODE, YEAR), Indexes.descending(RAISED_AT)),
            Indexes.compoundIndex(Indexes.ascending(RULE_ID), Indexes.descending(RAISED_AT)),
            Indexes.compoundIndex(Indexes.ascending(SEVERITY), Indexes.descending(RAISED_AT)),
            Indexes.descending(RAISED_AT));

    /** Creates what is missing (an existing index is left as it is); fails when MongoDB cannot be reached. */
    public void createIndexes() {
        INDEXES.forEach(alerts::createIndex);
    }

    /**
     * Inserts each alert unless one with its id exists (a redelivery leaves the stored alert as it was), the batch as
     * one {@code bulkWrite} of upserts; an id twice in the batch is inserted once.
     *
     * @return for each alert, in order, STORED when this call inserted it, else UNCHANGED
     */
    public List<StoreOutcome> saveAll(List<Document> batch) {
        List<WriteModel<Document>> upserts = batch.stream().<WriteModel<Document>> map(alert -> {
            Document fields = new Document(alert);
            Object id = fields.remove(ID);
            return new UpdateOneModel<>(eq(ID, id), new Document("$setOnInsert", fields), new UpdateOptions().upsert(true));
        }).toList();
        BulkWriteResult result = ConnectionLoss.retryOnce(() -> alerts.bulkWrite(upserts, new BulkWriteOptions().ordered(false)));
        List<StoreOutcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), StoreOutcome.UNCHANGED));
        result.getUpserts().forEach(upsert -> outcomes.set(upsert.getIndex(), StoreOutcome.STORED));
        return outcomes;
    }

    public Page<Document> find(AlertQuery query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, query.provinceCode());
        equalities.put(REPORT_ID, query.reportId());
        equalities.put(YEAR, query.year());
        equalities.put(RULE_ID, query.ruleId());
        equalities.put(SEVERITY, query.severity());
        List<Bson> conditions = PagedQuery.equalities(equalities);
        if (query.agency() != null) {
            conditions.add(PagedQuery.contains(AGENCY, query.agency()));
        }
        return PagedQuery.find(alerts, conditions, AlertQuery.ORDER, query.page());
    }
}
