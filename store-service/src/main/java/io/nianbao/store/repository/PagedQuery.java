package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.nianbao.store.domain.Cursor;
import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.PageRequest;
import io.nianbao.store.domain.SortKey;

/** The listings' shared query: literal filters, a total order, one page (by offset or cursor) and the count. */
final class PagedQuery {
    private static final String ID_FIELD = "_id";

    private PagedQuery() {
    }

    /**
     * @param equalities field → required value; a null value is no condition. Values go into {@code $eq}
     *                   filters, so a user's string is compared as a string, never read as an operator.
     */
    static List<Bson> equalities(Map<String, Object> equalities) {
        List<Bson> conditions = new ArrayList<>();
        equalities.forEach((field, value) -> {
            if (value != null) {
                conditions.add(Filters.eq(field, value));
            }
        });
        return conditions;
    }

    /** {@code text} anywhere in the field: quoted, so every character of it is a literal. */
    static Bson contains(String field, String text) {
        return Filters.regex(field, Pattern.quote(text));
    }

    static Bson all(List<Bson> conditions) {
        return conditions.isEmpty() ? Filters.empty() : and(conditions);
    }

    static Page<Document> find(MongoCollection<Document> collection, List<Bson> conditions, List<SortKey> order,
            PageRequest page) {
        Bson filter = all(conditions);
        List<Bson> paged = new ArrayList<>(conditions);
        if (page.cursor() != null) {
            paged.add(after(order, page.cursor().values()));
        }
        // One more than asked tells whether there is a next page without a second query.
        List<Document> items = collection.find(all(paged)).sort(sort(order))
                .skip(page.offset())
                .limit(page.size() + 1)
                .into(new ArrayList<>());
        String next = null;
        if (items.size() > page.size()) {
            items = items.subList(0, page.size());
            next = Cursor.after(items.get(items.size() - 1), order).encode();
        }
        return new Page<>(items, page.page(), page.size(), collection.countDocuments(filter), next);
    }

    static Bson sort(List<SortKey> order) {
        return Sorts.orderBy(order.stream()
                .map(key -> key.descending() ? Sorts.descending(key.field()) : Sorts.ascending(key.field()))
                .toList());
    }

    /**
     * Everything that sorts after {@code values}: for keys k1..kn, (k1 after v1) or (k1 = v1 and k2 after v2)
     * or … MongoDB sorts null below every value, so null comes first ascending and last descending.
     */
    static Bson after(List<SortKey> order, List<Object> values) {
        List<Bson> alternatives = new ArrayList<>();
        List<Bson> equalSoFar = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SortKey key = order.get(i);
            Object value = values.get(i);
            Bson beyond = beyond(key, value);
            if (beyond != null) {
                List<Bson> alternative = new ArrayList<>(equalSoFar);
                alternative.add(beyond);
                alternatives.add(and(alternative));
            }
            equalSoFar.add(eq(key.field(), value));
        }
        return alternatives.isEmpty() ? Filters.in(ID_FIELD, List.of()) : or(alternatives);
    }

    /** The values of one key strictly after {@code value} in the key's direction; null when there are none. */
    private static Bson beyond(SortKey key, Object value) {
        if (value == null) {
            return key.descending() ? null : ne(key.field(), null);
        }
        return key.descending() ? or(lt(key.field(), value), eq(key.field(), null)) : gt(key.field(), value);
    }
}
