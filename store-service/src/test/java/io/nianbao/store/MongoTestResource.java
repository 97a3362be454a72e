package io.nianbao.store;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-process MongoDB-wire-compatible server on a free port (no mongod can be had here, STACK.md). */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {
    private MongoServer server;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return Map.of("quarkus.mongodb.connection-string",
                "mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
