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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;

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

    /** Inserts the alert unless one with its id exists: a redelivery leaves the stored alert as it was. */
    public StoreOutcome save(Document alert) {
        Document fields = new Document(alert);
        Object id = fields.remove(ID);
        boolean inserted = ConnectionLoss.retryOnce(() -> alerts.updateOne(eq(ID, id),
                new Document("$setOnInsert", fields), new UpdateOptions().upsert(true))).getUpsertedId() != null;
        return inserted ? StoreOutcome.STORED : StoreOutcome.UNCHANGED;
    }

    public Page<Document> find(AlertQuery query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, query.provinceCode());
        equalities.put(REPORT_ID, query.reportId());
        equalities.put(YEAR, query.year());
        equalities.put(RULE_ID, query.ruleId());
        equalities.put(SEVERITY, query.severity());
        List<Bson> conditions = Pages.equalities(equalities);
        if (query.agency() != null) {
            conditions.add(Pages.contains(AGENCY, query.agency()));
        }
        return Pages.find(alerts, conditions, AlertQuery.ORDER, query.page());
    }
}
