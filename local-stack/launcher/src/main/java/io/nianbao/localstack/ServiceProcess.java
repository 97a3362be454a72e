package io.nianbao.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Quarkus service, {@code java -jar <service>/target/quarkus-app/quarkus-run.jar}, configured through the
 * environment of the runtime contract and ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess extends ManagedProcess {
    public static final String INGEST = "ingest-service";
    public static final String PARSE = "parse-service";
    public static final String VALIDATE = "validate-service";
    public static final String STORE = "store-service";
    /** In pipeline order, which is also the order they start in. */
    public static final List<String> NAMES = List.of(INGEST, PARSE, VALIDATE, STORE);

    private final List<String> command;
    private final int port;
    private final Map<String, String> environment;

    /** @param environment added to the launcher's; a null value removes the variable */
    ServiceProcess(String name, List<String> command, int port, Map<String, String> environment, Path logFile, RunDirectory run) {
        super(name, logFile, run, Duration.ofSeconds(180));
        this.command = List.copyOf(command);
        this.port = port;
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.environment = env;
    }

    /** The packaged service of the repository, as {@code bin/nianbao} and the end-to-end tests run it. */
    static ServiceProcess packaged(Path home, String name, int port, Map<String, String> environment, Path dataDir, RunDirectory run) {
        return packaged(home, name, name, port, environment, dataDir, run);
    }

    /**
     * @param service  which service's jar runs
     * @param instance the process's name, its log's and its pid file's: the service's own, or another for a second
     *                 instance of it
     */
    static ServiceProcess packaged(Path home, String service, String instance, int port, Map<String, String> environment,
            Path dataDir, RunDirectory run) {
        Path jar = home.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it with ./mvnw -B install -DskipTests");
        }
        return new ServiceProcess(instance, List.of(javaExecutable(), "-Xmx384m", "-jar", jar.toAbsolutePath().toString()),
                port, environment, dataDir.resolve("logs").resolve(instance + ".log"), run);
    }

    /** Changes environment variables (a null value removes one) for the next start: a configuration fixed. */
    void configure(Map<String, String> settings) {
        environment.putAll(settings);
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    protected List<String> command() {
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return environment;
    }

    @Override
    protected boolean isReady() {
        return Probes.ready(url());
    }
}
