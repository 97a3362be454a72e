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
import static io.nianbao.store.domain.ReportDocuments.VALIDATED_AT;
import static io.nianbao.store.domain.ReportDocuments.YEAR;
import static io.nianbao.store.domain.ReportDocuments.CITY_CODE;
import static io.nianbao.store.domain.ReportDocuments.COUNTY_CODE;
import static io.nianbao.store.domain.ReportDocuments.FINDING_RULE_ID;
import static io.nianbao.store.domain.ReportDocuments.STATUS;
import static io.nianbao.store.domain.ReportDocuments.TEMPLATE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
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
        return Pages.find(reports, conditions(query), query.sort().keys(), query.page());
    }

    /**
     * Every document the query's filters match, in its order, with only {@code fields}, read from a cursor batch
     * by batch (never all at once).
     */
    public void forEach(ReportQuery query, List<String> fields, Consumer<Document> action) {
        reports.find(Pages.all(conditions(query))).sort(Pages.sort(query.sort().keys()))
                .projection(Projections.include(fields))
                .forEach(action);
    }

    public long count(ReportQuery query) {
        return reports.countDocuments(Pages.all(conditions(query)));
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
        List<Bson> conditions = Pages.equalities(equalities);
        if (query.agency() != null) {
            conditions.add(Pages.contains(AGENCY, query.agency()));
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
