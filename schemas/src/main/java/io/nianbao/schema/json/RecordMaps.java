package io.nianbao.schema.json;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A record as plain maps and lists under DESIGN.md's canonical field names: the shape of the MongoDB
 * document, the REST API and {@code nianbao parse --json}. Unions collapse to their value (a null stays
 * null: a cell that could not be read is never turned into 0); bytes are left out.
 */
public final class RecordMaps {
    private RecordMaps() {
    }

    public static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (!(value instanceof ByteBuffer)) {
                map.put(field.name(), plain(value));
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord nested) {
            return toMap(nested);
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            for (Object item : items) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> map = new LinkedHashMap<>();
            entries.forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
            return map;
        }
        if (value instanceof Enum<?> || value instanceof CharSequence) {
            return value.toString();
        }
        return value;
    }
}
