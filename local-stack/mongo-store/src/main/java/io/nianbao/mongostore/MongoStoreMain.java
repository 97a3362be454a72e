package io.nianbao.mongostore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A MongoDB-wire-compatible server on 127.0.0.1 whose data lives in one H2 MVStore file, so it survives restarts.
 * Usage: {@code MongoStoreMain PORT DATA_FILE}. Stops on SIGTERM, closing the store so the file is consistent.
 */
public final class MongoStoreMain {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStoreMain.class);

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoStoreMain PORT DATA_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataFile = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());

        MongoServer server = new MongoServer(new CommittingH2Backend(MVStore.open(dataFile.toString())));
        server.bind("127.0.0.1", port);
        LOG.info("mongo store listening on 127.0.0.1:{}, data in {}", port, dataFile);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("mongo store stopping");
            // shutdown() closes the backend, which closes (and so flushes) the MVStore file.
            server.shutdown();
            LOG.info("mongo store stopped");
            stopped.countDown();
        }, "mongo-store-shutdown"));
        stopped.await();
    }

    /**
     * MVStore commits on its own only about once a second; a write the driver was told succeeded must survive the
     * process being killed right after, so every command ends with a commit (a no-op when nothing changed). Its
     * collections find a document by its {@code _id} also when the query names more fields ({@link IdFirstCollection});
     * documents and unique indexes are written as BSON ({@link BsonValueType}).
     */
    static final class CommittingH2Backend extends H2Backend {
        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName);
        }

        /** An inner class: the collections it opens while its superclass is constructed reach the backend's store. */
        private final class Database extends H2Database {
            Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            /** The maps as H2Database names them (its prefixes are not public); the documents as BSON. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
                return new IdFirstCollection(this, collectionName, options, documents,
                        getMvStore().openMap("meta." + namespace), getCursorRegistry());
            }

            /**
             * A unique index with its keys and positions as BSON, in a map of its own name. An earlier build's map
             * of the index (H2Database's name, Java-serialized) is copied into it and then removed: a crash between
             * the two leaves it to be copied again at the next start.
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                MVMap<KeyValue, Object> positions = getMvStore().openMap(indexMap(collectionName, indexName),
                        new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType())
                                .valueType(new IndexPositionType()));
                String earlier = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                if (getMvStore().hasMap(earlier)) {
                    positions.clear();
                    positions.putAll(getMvStore().openMap(earlier));
                    getMvStore().removeMap(earlier);
                }
                return new BsonUniqueIndex(positions, indexName, keys, sparse);
            }

            @Override
            protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                super.dropIndex(collection, indexName);
                getMvStore().removeMap(indexMap(collection.getCollectionName(), indexName));
            }

            /** Under the collection's namespace, so that dropping the database removes it with the rest. */
            private String indexMap(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._bson_index_" + indexName;
            }
        }
    }
}
