package io.nianbao.mongostore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

        MongoServer server = new MongoServer(new CommittingH2Backend(dataFile.toString()));
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
     * process being killed right after, so every command ends with a commit (a no-op when nothing changed).
     */
    static final class CommittingH2Backend extends H2Backend {
        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }
    }
}
