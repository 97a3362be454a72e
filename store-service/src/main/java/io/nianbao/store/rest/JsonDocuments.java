package io.nianbao.store.rest;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import io.nianbao.store.domain.Page;

/**
 * Stored documents as the API's JSON: the document's {@code _id} under a plain name, timestamps as ISO-8601
 * instants (MongoDB hands them back as {@link Date}, which JSON mappers render inconsistently).
 */
final class JsonDocuments {
    private JsonDocuments() {
    }

    static Map<String, Object> of(Document document, String idName) {
        Map<String, Object> json = new LinkedHashMap<>();
        document.forEach((name, value) -> json.put("_id".equals(name) ? idName : name, plain(value)));
        return json;
    }

    static Page<Map<String, Object>> page(Page<Document> page, String idName) {
        return new Page<>(page.items().stream().map(d -> of(d, idName)).toList(), page.page(), page.size(),
                page.total(), page.nextCursor());
    }

    private static Object plain(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> json = new LinkedHashMap<>();
            map.forEach((k, v) -> json.put(String.valueOf(k), plain(v)));
            return json;
        }
        if (value instanceof List<?> list) {
            List<Object> json = new ArrayList<>(list.size());
            list.forEach(item -> json.add(plain(item)));
            return json;
        }
        return value;
    }
}
