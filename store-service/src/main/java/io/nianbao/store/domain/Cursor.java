package io.nianbao.store.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * Where the next page of a listing starts: the sort values of the last item seen. Opaque to clients
 * (base64url of extended JSON, which keeps dates and numbers typed). A decoded value must have its sort key's
 * type, so a crafted cursor can never smuggle an operator document into a query.
 */
public record Cursor(List<Object> values) {

    public static Cursor after(Document last, List<SortKey> keys) {
        List<Object> values = new ArrayList<>(keys.size());
        keys.forEach(key -> values.add(last.get(key.field())));
        return new Cursor(values);
    }

    public String encode() {
        String json = new Document("after", values).toJson();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException saying why the text is no cursor of a listing in this order */
    public static Cursor decode(String text, List<SortKey> keys) {
        List<?> values;
        try {
            String json = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            values = Document.parse(json).get("after", List.class);
        } catch (IllegalArgumentException | JsonParseException | ClassCastException e) {
            throw new IllegalArgumentException("is not a cursor returned as nextCursor by this listing");
        }
        if (values == null || values.size() != keys.size()) {
            throw new IllegalArgumentException("does not belong to a listing in this sort order");
        }
        for (int i = 0; i < keys.size(); i++) {
            Object value = values.get(i);
            if (value != null && !keys.get(i).type().isInstance(value)) {
                throw new IllegalArgumentException("does not belong to a listing in this sort order");
            }
        }
        return new Cursor(new ArrayList<>(values));
    }
}
