package io.nianbao.mongostore;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that finds a document by its {@code _id} also when the query asks more of it. mongo-java-server
 * uses an index only for a query on exactly the index's fields, so a compare-and-set on {@code _id} and the version
 * read ({@code {$and: [{_id: …}, {reportId: …}, …]}}, store-service's replace of a re-judged report) read every
 * document of the collection: a cost growing with the store, where MongoDB reads one. Such a query now reads the
 * one document the {@code _id} names, and the whole query is matched on it as before.
 */
final class IdFirstCollection extends H2Collection {
    private static final String ID = "_id";
    private static final String AND = "$and";

    private Index<Object> idIndex;

    IdFirstCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index.isUnique() && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID)) {
            idIndex = index;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Object id = idIndex == null || query.size() == 1 && query.containsKey(ID) ? null : idOf(query);
        if (id != null) {
            return matchDocuments(query, idIndex.getPositions(new Document(ID, id)), orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The {@code _id} every matching document must have: a plain value (not an operator, not a document) at the
     * query's top level or in one clause of its top-level {@code $and}; null when the query names none.
     */
    private static Object idOf(Document query) {
        Object id = plainValue(query.get(ID));
        if (id == null && query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document && (id = plainValue(document.get(ID))) != null) {
                    break;
                }
            }
        }
        return id;
    }

    private static Object plainValue(Object value) {
        return value instanceof Document || value instanceof List<?> ? null : value;
    }
}
