package io.nianbao.mongostore;

import de.bwaldvogel.mongo.bson.Document;

/** A collection's documents, as BSON. */
final class BsonDocumentType extends BsonValueType<Document> {
    /** A stored report's document is ≈ 10 KB encoded. */
    private static final int TYPICAL_MEMORY = 20_000;

    BsonDocumentType() {
        super(TYPICAL_MEMORY);
    }

    @Override
    Document toBson(Document document) {
        return document;
    }

    @Override
    Document fromBson(Document bson) {
        return bson;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
