package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static io.nianbao.store.domain.ReportDocuments.AGENCY;
import static io.nianbao.store.domain.ReportDocuments.HISTORY_REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.ID;
import static io.nianbao.store.domain.ReportDocuments.PARSER_VERSION;
import static io.nianbao.store.domain.ReportDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.ReportDocuments.REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.STORED_AT;
import static io.nianbao.store.domain.ReportDocuments.YEAR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.StoreOutcome;
import io.quarkus.runtime.StartupEvent;

/** The {@code reports} collection: one document per agency and year (see {@link ReportDocuments}). */
@ApplicationScoped
public class ReportRepository {
    public static final String COLLECTION = "reports";

    private final MongoCollection<Document> reports;

    ReportRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.reports = client.getDatabase(database).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        reports.createIndex(Indexes.ascending(PROVINCE_CODE, YEAR));
        reports.createIndex(Indexes.ascending(AGENCY));
        reports.createIndex(Indexes.ascending(YEAR));
        reports.createIndex(Indexes.ascending(REPORT_ID));
        reports.createIndex(Indexes.ascending(HISTORY_REPORT_ID));
    }

    /**
     * Stores {@code incoming} as the current version of its document. Without transactions (the embedded
     * store has none) a revision is a compare-and-set on the version that was read: when another instance
     * wrote in between, read again and decide again. Each retry means another writer made progress.
     */
    public StoreOutcome save(Document incoming) {
        return ConnectionLoss.retryOnce(() -> compareAndSet(incoming));
    }

    private StoreOutcome compareAndSet(Document incoming) {
        Object id = incoming.get(ID);
        while (true) {
            Document stored = reports.find(eq(ID, id)).first();
            if (stored == null) {
                if (insertUnlessPresent(incoming)) {
                    return StoreOutcome.STORED;
                }
            } else if (ReportDocuments.sameVersion(stored, incoming)) {
                return StoreOutcome.UNCHANGED;
            } else {
                Bson readVersion = and(eq(ID, id), eq(REPORT_ID, stored.get(REPORT_ID)),
                        eq(PARSER_VERSION, stored.get(PARSER_VERSION)), eq(STORED_AT, stored.get(STORED_AT)));
                if (reports.replaceOne(readVersion, ReportDocuments.revise(stored, incoming)).getMatchedCount() == 1) {
                    return StoreOutcome.REVISED;
                }
            }
        }
    }

    public void delete(String id) {
        reports.deleteOne(eq(ID, id));
    }

    /**
     * By document id, else the document whose current version has this report id, else one that has it in
     * its history.
     */
    public Optional<Document> find(String id) {
        for (Bson filter : List.of(eq(ID, id), eq(REPORT_ID, id), eq(HISTORY_REPORT_ID, id))) {
            Document found = reports.find(filter).first();
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public Page<Document> find(ReportQuery query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, query.provinceCode());
        equalities.put(YEAR, query.year());
        equalities.put(AGENCY, query.agency());
        return Pages.find(reports, equalities,
                Sorts.orderBy(Sorts.descending(YEAR), Sorts.ascending(AGENCY, ID)), query.page());
    }

    private boolean insertUnlessPresent(Document incoming) {
        try {
            reports.insertOne(incoming);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
