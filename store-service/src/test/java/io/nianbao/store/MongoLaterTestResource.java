package io.nianbao.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at a port where no MongoDB listens yet; {@link #startMongo()} brings one up there. Short
 * driver timeouts, so a look at an absent server fails in a second rather than thirty.
 */
public class MongoLaterTestResource implements QuarkusTestResourceLifecycleManager {
    private static int port;
    private static MongoServer server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port,
                "quarkus.mongodb.server-selection-timeout", "1S",
                "nianbao.store.startup-retry-delay", "500MS");
    }

    public static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
