package io.nianbao.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The embedded MongoDB-wire-compatible server ({@code local-stack/mongo-store}) in its own JVM, its data in one H2 file
 * under {@code <data>/mongo}, so that it survives restarts. Used only when no {@code MONGODB_URI} is given.
 */
public final class MongoStore extends ManagedProcess {
    public static final String COMPONENT = "mongo";

    private final Path moduleTarget;
    private final Path dataFile;
    private final int port;

    MongoStore(Path home, Path dataDir, int port, RunDirectory run) {
        super(COMPONENT, dataDir.resolve("logs/mongo.log"), run, Duration.ofSeconds(60));
        this.moduleTarget = home.resolve("local-stack/mongo-store/target");
        this.dataFile = dataDir.resolve("mongo/nianbao.mv");
        this.port = port;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    void launch() {
        if (!Files.isDirectory(moduleTarget.resolve("lib"))) {
            throw new IllegalStateException("no embedded store at " + moduleTarget + ": build it with ./mvnw -B install -DskipTests");
        }
        super.launch();
    }

    @Override
    protected List<String> command() {
        String classPath = moduleTarget.resolve("lib").toAbsolutePath() + "/*:" + moduleTarget.resolve("nianbao-mongo-store.jar").toAbsolutePath();
        return List.of(javaExecutable(), "-Xmx512m", "-cp", classPath, "io.nianbao.mongostore.MongoStoreMain",
                Integer.toString(port), dataFile.toAbsolutePath().toString());
    }

    /** A TCP connect first: it fails fast and quietly, where the driver would log its retries. */
    @Override
    protected boolean isReady() {
        return Probes.accepts(port) && pings(uri());
    }

    static boolean pings(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
