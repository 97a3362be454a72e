package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;
import static io.nianbao.store.domain.ReportDocuments.AGENCY;
import static io.nianbao.store.domain.ReportDocuments.CITY_CODE;
import static io.nianbao.store.domain.ReportDocuments.COUNTY_CODE;
import static io.nianbao.store.domain.ReportDocuments.ID;
import static io.nianbao.store.domain.ReportDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.ReportDocuments.REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.SCORECARD;
import static io.nianbao.store.domain.ReportDocuments.YEAR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.nianbao.store.domain.ScorecardFacts;
import io.nianbao.store.review.Scorecard;

/**
 * The reads that set reports side by side: an agency's years, a division's reports of a year, a province's year
 * as a scorecard. Each asks MongoDB for the documents or the projection it needs, never the whole collection.
 */
@ApplicationScoped
public class ComparisonRepository {
    private final MongoCollection<Document> reports;

    ComparisonRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.reports = client.getDatabase(database).getCollection(ReportRepository.COLLECTION);
    }

    /**
     * Every year's document of the agency: ids starting with its key, an anchored prefix MongoDB answers from the
     * _id index, within its province (the key's first part, the shard key's prefix).
     */
    public List<Document> agencyYears(String agencyKey) {
        String province = agencyKey.substring(0, Math.max(0, agencyKey.indexOf('|')));
        List<Bson> conditions = new ArrayList<>();
        conditions.add(eq(PROVINCE_CODE, province.isEmpty() ? null : province));
        conditions.add(regex(ID, "^" + Pattern.quote(agencyKey) + "\\|\\d{4}$"));
        return reports.find(PagedQuery.all(conditions)).sort(Sorts.ascending(YEAR)).into(new ArrayList<>());
    }

    /** The year's reports of a county (its government, departments and towns), with {@code fields} only. */
    public List<Document> inCounty(String countyCode, int year, List<String> fields) {
        return reports.find(PagedQuery.all(List.of(eq(PROVINCE_CODE, countyCode.substring(0, 2)), eq(COUNTY_CODE, countyCode),
                eq(YEAR, year)))).sort(Sorts.ascending(AGENCY)).projection(Projections.include(fields)).into(new ArrayList<>());
    }

    /**
     * The year's reports of the province by agencies whose name ends with {@code kind}, at most {@code limit}, nearest
     * first: those of the county, then of the rest of the city, then of the rest of the province (every 镇 of its
     * county before the towns of other counties), each in the order of their names; with {@code fields} only.
     *
     * @param cityCode   the agency's city, or null
     * @param countyCode the agency's county, or null
     */
    public List<Document> ofKind(String provinceCode, String cityCode, String countyCode, int year, String kind,
            List<String> fields, int limit) {
        Bson province = ofKind(provinceCode, year, kind);
        List<Bson> nearestFirst = new ArrayList<>();
        if (countyCode != null) {
            nearestFirst.add(and(province, eq(COUNTY_CODE, countyCode)));
        }
        if (cityCode != null) {
            nearestFirst.add(countyCode == null ? and(province, eq(CITY_CODE, cityCode))
                    : and(province, eq(CITY_CODE, cityCode), ne(COUNTY_CODE, countyCode)));
        }
        nearestFirst.add(cityCode != null ? and(province, ne(CITY_CODE, cityCode))
                : countyCode != null ? and(province, ne(COUNTY_CODE, countyCode)) : province);
        List<Document> found = new ArrayList<>();
        for (Bson ring : nearestFirst) {
            if (found.size() >= limit) {
                break;
            }
            reports.find(ring).projection(Projections.include(fields)).sort(Sorts.ascending(AGENCY))
                    .limit(limit - found.size()).into(found);
        }
        return found;
    }

    /** How many reports {@link #ofKind(String, int, String, List, int)} chooses from. */
    public long countOfKind(String provinceCode, int year, String kind) {
        return reports.countDocuments(ofKind(provinceCode, year, kind));
    }

    private static Bson ofKind(String provinceCode, int year, String kind) {
        return PagedQuery.all(List.of(eq(PROVINCE_CODE, provinceCode), eq(YEAR, year),
                regex(AGENCY, Pattern.quote(kind) + "$")));
    }

    /** The current version of a report by its report id, with {@code fields} only. */
    public Document byReportId(String reportId, List<String> fields) {
        return reports.find(eq(REPORT_ID, reportId)).projection(Projections.include(fields)).first();
    }

    /**
     * The province's reports of the year and of the year before, as the {@link ScorecardFacts} stored with each:
     * MongoDB matches them and hands back only those small sub-documents. A document stored before the facts were
     * (it comes back without them) is read whole and its facts computed here, so it is judged the same.
     */
    public Scorecard scorecard(String provinceCode, int year, String cityCode, String countyCode) {
        List<ScorecardFacts> facts = new ArrayList<>();
        List<Object> withoutFacts = new ArrayList<>();
        for (Document report : reports.aggregate(scorecardPipeline(provinceCode, year, cityCode, countyCode))) {
            Document stored = report.get(SCORECARD, Document.class);
            if (stored == null) {
                withoutFacts.add(report.get(ID));
            } else {
                facts.add(ScorecardFacts.from(stored));
            }
        }
        if (!withoutFacts.isEmpty()) {
            reports.find(in(ID, withoutFacts)).forEach(report -> facts.add(ScorecardFacts.of(report)));
        }
        return Scorecard.of(provinceCode, year, facts);
    }

    private static List<Bson> scorecardPipeline(String provinceCode, int year, String cityCode, String countyCode) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, provinceCode);
        equalities.put(CITY_CODE, cityCode);
        equalities.put(COUNTY_CODE, countyCode);
        List<Bson> conditions = PagedQuery.equalities(equalities);
        conditions.add(in(YEAR, year - 1, year));
        return List.of(Aggregates.match(PagedQuery.all(conditions)), Aggregates.project(Projections.include(SCORECARD)));
    }
}
