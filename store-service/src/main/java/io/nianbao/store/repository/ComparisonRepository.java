package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static io.nianbao.store.domain.ReportDocuments.AGENCY;
import static io.nianbao.store.domain.ReportDocuments.CITY_CODE;
import static io.nianbao.store.domain.ReportDocuments.COUNTY_CODE;
import static io.nianbao.store.domain.ReportDocuments.ID;
import static io.nianbao.store.domain.ReportDocuments.PROVINCE_CODE;
import static io.nianbao.store.domain.ReportDocuments.REPORT_ID;
import static io.nianbao.store.domain.ReportDocuments.YEAR;

import java.util.ArrayList;
import java.util.Arrays;
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

import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.review.Scorecard;
import io.nianbao.store.review.Scorecard.YearFacts;

/**
 * The reads that set reports side by side: an agency's years, a division's reports of a year, a province's year
 * as a scorecard. Each asks MongoDB for the documents or the projection it needs, never the whole collection.
 */
@ApplicationScoped
public class ComparisonRepository {
    /** A document id is the agency key, '|', and the four-digit year. */
    private static final int YEAR_SUFFIX = "|2024".length();
    private static final String PLACEHOLDER = "report:";
    private static final String FINDINGS = "$findings";

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
     * The year's reports of the province by agencies whose name ends with {@code kind}, at most {@code limit} in the
     * order of their names, with {@code fields} only.
     */
    public List<Document> ofKind(String provinceCode, int year, String kind, List<String> fields, int limit) {
        return reports.find(ofKind(provinceCode, year, kind)).projection(Projections.include(fields))
                .sort(Sorts.ascending(AGENCY)).limit(limit).into(new ArrayList<>());
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
     * The province's reports of the year and of the year before, reduced by MongoDB to what the scorecard judges and
     * grouped by agency: one result per agency comes back.
     */
    public Scorecard scorecard(String provinceCode, int year, String cityCode, String countyCode) {
        Map<String, List<YearFacts>> agencies = new LinkedHashMap<>();
        for (Document agency : reports.aggregate(scorecardPipeline(provinceCode, year, cityCode, countyCode))) {
            agencies.put(agency.getString(ID), agency.getList("years", Document.class).stream()
                    .map(ComparisonRepository::yearFacts).toList());
        }
        return Scorecard.of(provinceCode, year, agencies);
    }

    static List<Bson> scorecardPipeline(String provinceCode, int year, String cityCode, String countyCode) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        equalities.put(PROVINCE_CODE, provinceCode);
        equalities.put(CITY_CODE, cityCode);
        equalities.put(COUNTY_CODE, countyCode);
        List<Bson> conditions = PagedQuery.equalities(equalities);
        conditions.add(in(YEAR, year - 1, year));
        Document facts = new Document("agencyKey", agencyKey())
                .append("year", "$year").append("agency", "$agency").append("reportId", "$reportId")
                .append("provinceName", "$division.provinceName").append("cityCode", "$division.cityCode").append("cityName", "$division.cityName")
                .append("countyCode", "$division.countyCode").append("countyName", "$division.countyName")
                .append("status", "$status").append("publicationDate", "$publicationDate")
                .append("sectionsFound", size("$completeness.sectionsFound"))
                .append("cellsRead", "$completeness.cellsRead").append("cellsExpected", "$completeness.cellsExpected")
                .append("errors", size(failed("ERROR"))).append("warnings", size(failed("WARN")))
                .append("rules", new Document("$map", new Document("input", failed(null)).append("as", "f")
                        .append("in", "$$f.ruleId")))
                .append("revisions", size("$history"));
        // Each key figure's cells as a top-level array: the embedded store evaluates expressions in an array only
        // at the top level of a $project, and only when none is missing (hence $ifNull: an unread cell is null).
        for (KeyFigure figure : KeyFigure.values()) {
            facts.append(figure.key(), figure.cells().stream()
                    .map(cell -> new Document("$ifNull", Arrays.asList(StatisticsPipeline.cell(cell), null))).toList());
        }
        return List.of(Aggregates.match(PagedQuery.all(conditions)), new Document("$project", facts),
                new Document("$group", new Document(ID, "$agencyKey").append("years", new Document("$push", "$$ROOT"))),
                Aggregates.sort(Sorts.ascending(ID)));
    }

    /**
     * The id without its year; a report stored under a placeholder (agency or year unknown) stands alone. In bytes:
     * the year suffix is ASCII, so the cut falls between characters (and $substrCP is not in the embedded store).
     */
    private static Document agencyKey() {
        Document isPlaceholder = new Document("$eq", List.of(new Document("$indexOfBytes", List.of("$" + ID,
                PLACEHOLDER)), 0));
        Document withoutYear = new Document("$substrBytes", List.of("$" + ID, 0,
                new Document("$subtract", List.of(new Document("$strLenBytes", "$" + ID), YEAR_SUFFIX))));
        return new Document("$cond", List.of(isPlaceholder, "$" + ID, withoutYear));
    }

    /** The failed findings, of {@code severity} when given. */
    private static Document failed(String severity) {
        Document failed = new Document("$eq", List.of("$$f.outcome", "FAILED"));
        Document condition = severity == null ? failed
                : new Document("$and", List.of(failed, new Document("$eq", List.of("$$f.severity", severity))));
        return new Document("$filter", new Document("input", new Document("$ifNull", List.of(FINDINGS, List.of())))
                .append("as", "f").append("cond", condition));
    }

    private static Document size(Object array) {
        return new Document("$size", new Document("$ifNull", List.of(array, List.of())));
    }

    private static YearFacts yearFacts(Document facts) {
        Map<String, List<Object>> figureCells = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            figureCells.put(figure.key(), facts.getList(figure.key(), Object.class));
        }
        return new YearFacts(facts.getInteger("year"), facts.getString("agency"), facts.getString("reportId"),
                facts.getString("provinceName"), facts.getString("cityCode"), facts.getString("cityName"), facts.getString("countyCode"),
                facts.getString("countyName"), facts.getString("status"), facts.getString("publicationDate"),
                facts.getInteger("sectionsFound"), facts.getInteger("cellsRead"), facts.getInteger("cellsExpected"),
                facts.getInteger("errors"), facts.getInteger("warnings"), facts.getList("rules", String.class),
                facts.getInteger("revisions"), figureCells);
    }
}
