package io.nianbao.store.repository;

import static io.nianbao.store.domain.ReportDocuments.STATUS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Aggregates;

import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.domain.Statistics;
import io.nianbao.store.domain.Statistics.Group;
import io.nianbao.store.domain.Statistics.Level;

/**
 * Statistics as one aggregation ($match, $group) computed by the database: only one document per group comes
 * back, never the reports. Uses only stages and operators the embedded store implements too.
 */
final class StatisticsPipeline {
    private static final Pattern ARRAY_CELL = Pattern.compile("(.+)\\[(\\d+)]");
    private static final String NAME = "name";
    private static final String REPORTS = "reports";
    /** Suffix of a figure's "was any cell read" accumulator: the largest value read, null when none was. */
    private static final String READ = "_read";
    /** The statuses counted, each under its own name. */
    private static final List<String> STATUSES = List.of("consistent", "errors", "needsReview");

    private StatisticsPipeline() {
    }

    static List<Bson> of(List<Bson> conditions, Level level) {
        Document group = new Document("_id", "$" + level.codePath())
                // $max skips nulls: the division's name from any report that has it.
                .append(NAME, new Document("$max", "$" + level.namePath()))
                .append(REPORTS, new Document("$sum", 1));
        STATUSES.forEach(status -> group.append(status, new Document("$sum",
                new Document("$cond", List.of(new Document("$eq", List.of("$" + STATUS, status)), 1, 0)))));
        for (KeyFigure figure : KeyFigure.values()) {
            List<Object> cells = figure.cells().stream().map(StatisticsPipeline::cell).toList();
            // $sum and $max over a list skip what is null or missing: an unread cell adds nothing.
            group.append(figure.key(), new Document("$sum", new Document("$sum", cells)));
            group.append(figure.key() + READ, new Document("$max", new Document("$max", cells)));
        }
        return List.of(Aggregates.match(PagedQuery.all(conditions)), new Document("$group", group));
    }

    static Statistics statistics(Level level, List<Document> results) {
        List<Group> groups = new ArrayList<>(results.stream().map(StatisticsPipeline::group).toList());
        groups.sort(Comparator.comparing(Group::code, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Statistics(level, groups);
    }

    private static Group group(Document result) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            totals.put(figure.key(), result.get(figure.key() + READ) == null ? null : count(result, figure.key()));
        }
        return new Group(result.getString("_id"), result.getString(NAME), count(result, REPORTS),
                count(result, STATUSES.get(0)), count(result, STATUSES.get(1)), count(result, STATUSES.get(2)), totals);
    }

    private static long count(Document result, String field) {
        return ((Number) result.get(field)).longValue();
    }

    /** A cell path as an aggregation expression: {@code a.b[6]} is the 7th element of the array at a.b. */
    private static Object cell(String path) {
        Matcher element = ARRAY_CELL.matcher(path);
        if (element.matches()) {
            return new Document("$arrayElemAt", List.of("$" + element.group(1), Integer.parseInt(element.group(2))));
        }
        return "$" + path;
    }
}
