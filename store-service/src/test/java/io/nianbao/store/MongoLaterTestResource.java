package io.nianbao.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at a port where no MongoDB listens yet; {@link #startMongo()} brings one up there and
 * {@link #stopMongo()} takes it down again, keeping its data for the next start (as a restarted mongod does).
 * Short driver timeouts and retry delays, so a look at an absent server fails in a second rather than thirty.
 */
public class MongoLaterTestResource implements QuarkusTestResourceLifecycleManager {
    private static int port;
    private static MemoryBackend data;
    private static MongoServer server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = new MemoryBackend() {
            @Override
            public void close() {
                // the data outlives the server, for the next startMongo()
            }
        };
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port,
                "quarkus.mongodb.server-selection-timeout", "1S",
                "nianbao.store.retry-delay", "200MS",
                "nianbao.store.max-retry-delay", "1S");
    }

    public static void startMongo() {
        server = new MongoServer(data);
        server.bind("127.0.0.1", port);
    }

    public static void stopMongo() {
        server.shutdownNow();
        server = null;
    }

    @Override
    public void stop() {
        if (server != null) {
            stopMongo();
        }
    }

    /** MongoDB up when the service starts, to be stopped and started again by the test. */
    public static class RunningFirst extends MongoLaterTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            startMongo();
            return config;
        }
    }
}
