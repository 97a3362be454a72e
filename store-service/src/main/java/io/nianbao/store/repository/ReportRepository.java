package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.nianbao.store.domain.ReportDocuments.AGENCY;
import static io.nianbao.store.domain.ReportDocuments.HISTORY_REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.ID;
import static io.nianbao.store.domain.ReportDocuments.PARSER_VERSION;
import static io.nianbao.store.domain.ReportDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.ReportDocuments.REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.STORED_AT;
import static io.nianbao.store.domain.ReportDocuments.VALIDATED_AT;
import static io.nianbao.store.domain.ReportDocuments.YEAR;
import static io.nianbao.store.domain.ReportDocuments.CITY_CODE;
import static io.nianbao.store.domain.ReportDocuments.COUNTY_CODE;
import static io.nianbao.store.domain.ReportDocuments.FINDING_RULE_ID;
import static io.nianbao.store.domain.ReportDocuments.STATUS;
import static io.nianbao.store.domain.ReportDocuments.TEMPLATE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Projections;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.Statistics;
import io.nianbao.store.domain.StoreOutcome;

/** The {@code reports} collection: one document per agency and year (see {@link ReportDocuments}). */
@ApplicationScoped
public class ReportRepository {
    public static final String COLLECTION = "reports";

    private final MongoCollection<Document> reports;

    ReportRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.reports = client.getDatabase(database).getCollection(COLLECTION);
    }

    /**
     * What the listings, statistics and look-ups need. Every listing index starts with the shard key's
     * {provinceCode, agency} prefix field, so on a sharded MongoDB a province's query is targeted. The
     * embedded store accepts but ignores non-unique secondary indexes (IndexDefinitionTests checks the
     * definitions, not plans).
     */
    public static final List<Bson> INDEXES = List.of(
            Indexes.ascending(PROVINCE_CODE, AGENCY),
            Indexes.compoundIndex(Indexes.ascending(PROVINCE_CODE), Indexes.descending(YEAR), Indexes.ascending(AGENCY)),
            Indexes.ascending(PROVINCE_CODE, CITY_CODE, COUNTY_CODE, YEAR),
            Indexes.compoundIndex(Indexes.descending(YEAR), Indexes.ascending(AGENCY)),
            Indexes.ascending(STATUS, YEAR),
            Indexes.ascending(FINDING_RULE_ID),
            Indexes.descending(STORED_AT),
            Indexes.descending(ReportDocuments.ALERT_COUNT),
            Indexes.ascending(REPORT_ID),
            Indexes.ascending(HISTORY_REPORT_ID));

    /** Creates what is missing (an existing index is left as it is); fails when MongoDB cannot be reached. */
    public void createIndexes() {
        INDEXES.forEach(reports::createIndex);
    }

    /**
     * Stores a batch of documents, in order, as one read and one {@code bulkWrite}: the batch is folded in memory
     * on what was read (a later document of the same id meets the earlier one, as it would one by one), and each
     * document whose state changed is written once, as an insert (a new id) or a compare-and-set replace of the
     * version read, so a redelivered batch changes nothing. {@code supersedes} of a write is deleted (a
     * placeholder this version replaces). Should another writer have changed one of the documents in between
     * (an insert meeting a duplicate key, a replace matching nothing), the batch is stored again one document at a
     * time ({@link #save}): each of those writes reads what is there now, and replayed in order they end on the
     * same state as a redelivery would.
     *
     * @return the outcome of each write, in order
     */
    public List<StoreOutcome> saveAll(List<Write> writes) {
        return ConnectionLoss.retryOnce(() -> bulkSave(writes).orElseGet(() -> writes.stream().map(write -> {
            StoreOutcome outcome = compareAndSet(write.document());
            write.supersededId().ifPresent(this::delete);
            return outcome;
        }).toList()));
    }

    /** A document to store, and the id of the document it replaces (deleted once it is stored), if any. */
    public record Write(Document document, Optional<String> supersededId) {
    }

    private Optional<List<StoreOutcome>> bulkSave(List<Write> writes) {
        Set<Object> ids = new LinkedHashSet<>();
        writes.forEach(write -> {
            ids.add(write.document().get(ID));
            write.supersededId().ifPresent(ids::add);
        });
        Map<Object, Document> read = new HashMap<>();
        reports.find(in(ID, ids)).forEach(document -> read.put(document.get(ID), document));
        // Absent key: not in the batch's view; null value: no such document (never was, or deleted in the batch).
        Map<Object, Document> folded = new LinkedHashMap<>();
        List<StoreOutcome> outcomes = new ArrayList<>();
        for (Write write : writes) {
            Document incoming = write.document();
            Object id = incoming.get(ID);
            Document stored = folded.containsKey(id) ? folded.get(id) : read.get(id);
            StoreOutcome outcome;
            if (stored == null) {
                outcome = StoreOutcome.STORED;
                folded.put(id, incoming);
            } else if (ReportDocuments.sameVersion(stored, incoming)) {
                outcome = ReportDocuments.laterDifferentVerdict(stored, incoming) ? StoreOutcome.REJUDGED
                        : StoreOutcome.UNCHANGED;
                if (outcome == StoreOutcome.REJUDGED) {
                    folded.put(id, ReportDocuments.rejudge(stored, incoming));
                }
            } else {
                outcome = StoreOutcome.REVISED;
                folded.put(id, ReportDocuments.revise(stored, incoming));
            }
            write.supersededId().ifPresent(superseded -> folded.put(superseded, null));
            outcomes.add(outcome);
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        int inserts = 0;
        int replaces = 0;
        for (Map.Entry<Object, Document> change : folded.entrySet()) {
            Document before = read.get(change.getKey());
            Document after = change.getValue();
            if (after == null) {
                if (before != null) {
                    models.add(new DeleteOneModel<>(eq(ID, change.getKey())));
                }
            } else if (before == null) {
                models.add(new InsertOneModel<>(after));
                inserts++;
            } else {
                models.add(new ReplaceOneModel<>(and(eq(ID, change.getKey()), eq(REPORT_ID, before.get(REPORT_ID)),
                        eq(PARSER_VERSION, before.get(PARSER_VERSION)), eq(STORED_AT, before.get(STORED_AT)),
                        eq(VALIDATED_AT, before.get(VALIDATED_AT))), after));
                replaces++;
            }
        }
        if (models.isEmpty()) {
            return Optional.of(outcomes);
        }
        try {
            BulkWriteResult result = reports.bulkWrite(models, new BulkWriteOptions().ordered(false));
            boolean allApplied = result.getInsertedCount() == inserts && result.getMatchedCount() == replaces;
            return allApplied ? Optional.of(outcomes) : Optional.empty();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() == null && e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Stores {@code incoming} as the current version of its document. Without transactions (the embedded
     * store has none) a revision is a compare-and-set on the version that was read: when another instance
     * wrote in between, read again and decide again. Each retry means another writer made progress.
     */
    private StoreOutcome compareAndSet(Document incoming) {
        Object id = incoming.get(ID);
        while (true) {
            Document stored = reports.find(eq(ID, id)).first();
            if (stored == null) {
                if (insertUnlessPresent(incoming)) {
                    return StoreOutcome.STORED;
                }
            } else if (ReportDocuments.sameVersion(stored, incoming)) {
                if (!ReportDocuments.laterDifferentVerdict(stored, incoming)) {
                    return StoreOutcome.UNCHANGED;
                }
                Bson readVerdict = and(eq(ID, id), eq(REPORT_ID, stored.get(REPORT_ID)),
                        eq(PARSER_VERSION, stored.get(PARSER_VERSION)), eq(VALIDATED_AT, stored.get(VALIDATED_AT)));
                if (reports.replaceOne(readVerdict, ReportDocuments.rejudge(stored, incoming)).getMatchedCount() == 1) {
                    return StoreOutcome.REJUDGED;
                }
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
        return PagedQuery.find(reports, conditions(query), query.sort().keys(), query.page());
    }

    /**
     * Every document the query's filters match, in its order, with only {@code fields}, read from a cursor batch
     * by batch (never all at once).
     */
    public void forEach(ReportQuery query, List<String> fields, Consumer<Document> action) {
        reports.find(PagedQuery.all(conditions(query))).sort(PagedQuery.sort(query.sort().keys()))
                .projection(Projections.include(fields))
                .forEach(action);
    }

    public long count(ReportQuery query) {
        return reports.countDocuments(PagedQuery.all(conditions(query)));
    }

    /** Computed by the database ({@link StatisticsPipeline}): one result per division, not the reports. */
    public Statistics statistics(ReportQuery query, Statistics.Level level) {
        return StatisticsPipeline.statistics(level,
                reports.aggregate(StatisticsPipeline.of(conditions(query), level)).into(new ArrayList<>()));
    }

    /**
     * The province code leads every listing's conditions: with the shard key {provinceCode, agency} on real
     * MongoDB a province's query goes to the shards holding that province only. A city or county code names its
     * province in its first two digits (GB/T 2260), so a query by city or county alone is targeted too, and can
     * use the {provinceCode, cityCode, countyCode, year} index.
     */
    static List<Bson> conditions(ReportQuery query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, provinceOf(query));
        equalities.put(CITY_CODE, query.cityCode());
        equalities.put(COUNTY_CODE, query.countyCode());
        equalities.put(YEAR, query.year());
        equalities.put(TEMPLATE, query.template());
        equalities.put(STATUS, query.status());
        equalities.put(FINDING_RULE_ID, query.ruleId());
        List<Bson> conditions = PagedQuery.equalities(equalities);
        if (query.agency() != null) {
            conditions.add(PagedQuery.contains(AGENCY, query.agency()));
        }
        return conditions;
    }

    private static String provinceOf(ReportQuery query) {
        if (query.provinceCode() != null) {
            return query.provinceCode();
        }
        String division = query.cityCode() != null ? query.cityCode() : query.countyCode();
        return division == null ? null : division.substring(0, 2);
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
