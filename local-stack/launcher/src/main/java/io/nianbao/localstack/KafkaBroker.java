package io.nianbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), from the jars that
 * {@code local-stack/kafka-broker} copies to its {@code target/lib}. Its data, cluster id and configuration live under
 * {@code <data>/kafka}, so a restart keeps the topics and their records.
 */
public final class KafkaBroker extends ManagedProcess {
    public static final String COMPONENT = "kafka";
    /** Raw reports travel whole up to this size (runtime contract); the topic of raw reports accepts it too. */
    static final int MAX_MESSAGE_BYTES = 20_971_520;

    private final Path lib;
    private final Path dir;
    private final int port;
    private final int controllerPort;

    KafkaBroker(Path home, Path dataDir, int port, int controllerPort, RunDirectory run) {
        super(COMPONENT, dataDir.resolve("logs/kafka.log"), run, Duration.ofSeconds(90));
        this.lib = home.resolve("local-stack/kafka-broker/target/lib");
        this.dir = dataDir.resolve("kafka");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** A single-node KRaft cluster on the loopback interface, sized for one machine, accepting raw-report-sized records. */
    static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                // Consumers of a fresh group start at once instead of waiting 3 s for more members.
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=" + MAX_MESSAGE_BYTES,
                "replica.fetch.max.bytes=" + MAX_MESSAGE_BYTES,
                // Services never rely on auto-creation: the launcher creates the topics.
                "auto.create.topics.enable=false",
                "");
    }

    static String log4jProperties() {
        return String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "logger.state.name=state.change.logger",
                "logger.state.level=WARN",
                "");
    }

    @Override
    void launch() {
        prepareStorage();
        super.launch();
    }

    @Override
    protected List<String> command() {
        return List.of(javaExecutable(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", lib.toAbsolutePath() + "/*", "kafka.Kafka", dir.resolve("server.properties").toAbsolutePath().toString());
    }

    @Override
    protected boolean isReady() {
        if (!Probes.accepts(port)) {
            return false;
        }
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(bootstrapServers()))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Writes the configuration and, the first time only, formats the storage with a cluster id kept in the data
     * directory, so that a restart finds the same cluster and its data.
     */
    private void prepareStorage() {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Kafka broker at " + lib + ": build it with ./mvnw -B install -DskipTests");
        }
        Path logDirs = dir.resolve("data");
        Path serverProperties = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(serverProperties, serverProperties(port, controllerPort, logDirs), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("log4j2.properties"), log4jProperties(), StandardCharsets.UTF_8);
            if (Files.isRegularFile(logDirs.resolve("meta.properties"))) {
                return;
            }
            Path clusterIdFile = dir.resolve("cluster.id");
            if (!Files.isRegularFile(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
            }
            format(Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim(), serverProperties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory " + dir, e);
        }
    }

    private void format(String clusterId, Path serverProperties) throws IOException {
        Files.createDirectories(logFile().getParent());
        Process format = new ProcessBuilder(javaExecutable(), "-cp", lib.toAbsolutePath() + "/*",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath(),
                "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", clusterId, "-c", serverProperties.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!format.waitFor(2, TimeUnit.MINUTES)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage took over 2 minutes; see " + logFile());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (status " + format.exitValue()
                    + "); the end of " + logFile() + ":\n" + tail(logFile()));
        }
    }
}
