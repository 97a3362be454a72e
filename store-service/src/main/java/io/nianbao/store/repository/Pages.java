package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.PageRequest;

/** The listings' shared query: equality filters, a stable sort, one page and the total count. */
final class Pages {
    private Pages() {
    }

    /**
     * @param equalities field → required value; a null value is no condition. Values go into {@code $eq}
     *                   filters, so a user's string is compared as a string, never read as an operator.
     */
    static Page<Document> find(MongoCollection<Document> collection, Map<String, Object> equalities, Bson sort,
            PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        equalities.forEach((field, value) -> {
            if (value != null) {
                conditions.add(eq(field, value));
            }
        });
        Bson filter = conditions.isEmpty() ? Filters.empty() : and(conditions);
        List<Document> items = collection.find(filter).sort(sort)
                .skip(page.offset())
                .limit(page.size())
                .into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), collection.countDocuments(filter));
    }
}
