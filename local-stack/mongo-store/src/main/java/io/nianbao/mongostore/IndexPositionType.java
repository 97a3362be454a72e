package io.nianbao.mongostore;

import de.bwaldvogel.mongo.bson.Document;

/** Where a unique index's key points: the document's position in its collection (its {@code _id}), as BSON. */
final class IndexPositionType extends BsonValueType<Object> {
    private static final String POSITION = "position";
    /** An {@code _id}: tens of bytes. */
    private static final int TYPICAL_MEMORY = 128;

    IndexPositionType() {
        super(TYPICAL_MEMORY);
    }

    @Override
    Document toBson(Object position) {
        return new Document(POSITION, position);
    }

    @Override
    Object fromBson(Document bson) {
        return bson.get(POSITION);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
