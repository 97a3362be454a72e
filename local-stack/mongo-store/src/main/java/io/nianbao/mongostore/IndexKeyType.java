package io.nianbao.mongostore;

import java.util.ArrayList;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index's keys (a document's values of the indexed fields), as BSON {@code {"0": …, "1": …}}, compared as
 * they are: H2's default type compares two objects it does not know by serializing both, at every step of a lookup.
 * The order is one the index needs for lookups only (its ranges are read whole and filtered): by kind of value,
 * strings and numbers by their natural order, other values as H2's default type orders them.
 */
final class IndexKeyType extends BsonValueType<KeyValue> {
    private static final ObjectDataType OTHER_VALUES = new ObjectDataType();
    /** An {@code _id} or two: tens of bytes, not a document's kilobytes. */
    private static final int TYPICAL_MEMORY = 128;

    IndexKeyType() {
        super(TYPICAL_MEMORY);
    }

    @Override
    Document toBson(KeyValue key) {
        Document bson = new Document();
        for (int i = 0; i < key.size(); i++) {
            bson.put(Integer.toString(i), key.get(i));
        }
        return bson;
    }

    @Override
    KeyValue fromBson(Document bson) {
        return new KeyValue(new ArrayList<>(bson.values()));
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byValue = compareValues(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The index's keys hold normalised values (a number a Double, a Long only beyond a Double's precision). */
    private static int compareValues(Object a, Object b) {
        int byKind = Integer.compare(kind(a), kind(b));
        if (byKind != 0 || a == null) {
            return byKind;
        }
        if (a instanceof String string) {
            return string.compareTo((String) b);
        }
        if (a instanceof Double number) {
            return Double.compare(number, (Double) b);
        }
        if (a instanceof Long number) {
            return Long.compare(number, (Long) b);
        }
        return OTHER_VALUES.compare(a, b);
    }

    private static int kind(Object value) {
        return value == null ? 0
                : value instanceof String ? 1 : value instanceof Double ? 2 : value instanceof Long ? 3 : 4;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
