package io.nianbao.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole pipeline on one machine: the Kafka broker, the store and the services, each its own process, started in
 * that order and stopped in the reverse one. {@code nianbao up}/{@code demo} and the end-to-end tests use it alike.
 *
 * <p>With {@code KAFKA_BOOTSTRAP_SERVERS} no broker is started, only the topics are ensured there; with
 * {@code MONGODB_URI} no store is started.
 */
public final class LocalStack implements AutoCloseable {
    /** Every component a stack may start, in start order. */
    public static final List<String> COMPONENTS = List.of(KafkaBroker.COMPONENT, MongoStore.COMPONENT,
            ServiceProcess.INGEST, ServiceProcess.PARSE, ServiceProcess.VALIDATE, ServiceProcess.STORE);
    private static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    private static final String MONGODB_URI = "mongodb.uri";

    private final Builder config;
    private final RunDirectory run;
    private final Map<String, ManagedProcess> started = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "nianbao-local-stack-shutdown");
    private String bootstrapServers;
    private String mongoUri;
    /** What the running stack this one heals had recorded; empty for a stack started from nothing. */
    private Properties recorded = new Properties();

    private LocalStack(Builder config) {
        this.config = config;
        this.run = new RunDirectory(config.dataDir);
    }

    public static Builder builder(Path home, Path dataDir) {
        return new Builder(home, dataDir);
    }

    public static final class Builder {
        private final Path home;
        private final Path dataDir;
        private StackPorts ports = StackPorts.defaults();
        private int partitions = KafkaTopics.DEFAULT_PARTITIONS;
        private String apiKey;
        private String externalKafka;
        private String externalMongo;
        private String mongoDatabase;
        private String otlpEndpoint;
        private List<String> services = ServiceProcess.NAMES;
        private boolean outliveLauncher;
        private Consumer<String> progress = line -> { };
        private Map<String, String> serviceSettings = Map.of();

        private Builder(Path home, Path dataDir) {
            this.home = home.toAbsolutePath().normalize();
            this.dataDir = dataDir.toAbsolutePath().normalize();
        }

        /**
         * The runtime contract's variables: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code MONGODB_DATABASE},
         * {@code KAFKA_PARTITIONS}, {@code NIANBAO_API_KEY}, {@code NIANBAO_OTLP_ENDPOINT}. Unset or blank ones leave the
         * default.
         */
        public Builder environment(Map<String, String> env) {
            otlpEndpoint(env.get("NIANBAO_OTLP_ENDPOINT"));
            externalKafka = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            externalMongo = blankToNull(env.get("MONGODB_URI"));
            mongoDatabase = blankToNull(env.get("MONGODB_DATABASE"));
            apiKey = blankToNull(env.get("NIANBAO_API_KEY"));
            String configuredPartitions = blankToNull(env.get("KAFKA_PARTITIONS"));
            if (configuredPartitions != null) {
                try {
                    partitions(Integer.parseInt(configuredPartitions.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("KAFKA_PARTITIONS must be a positive number, not '" + configuredPartitions + "'");
                }
            }
            return this;
        }

        public Builder ports(StackPorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be positive: " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /**
         * Where the services export their traces (OTLP over HTTP, e.g. {@code http://localhost:4318}); null leaves
         * tracing off, as the services' configuration has it.
         */
        public Builder otlpEndpoint(String endpoint) {
            this.otlpEndpoint = blankToNull(endpoint);
            return this;
        }

        /** The key the services demand in {@code X-API-Key}; null for none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = blankToNull(apiKey);
            return this;
        }

        /** Which services to start, a subset of {@link ServiceProcess#NAMES}; none for just the broker and the store. */
        public Builder services(List<String> services) {
            for (String service : services) {
                if (!ServiceProcess.NAMES.contains(service)) {
                    throw new IllegalArgumentException("unknown service " + service + "; known: " + ServiceProcess.NAMES);
                }
            }
            this.services = List.copyOf(services);
            return this;
        }

        /**
         * For {@code nianbao up}: the processes keep running after this JVM exits, and only {@code nianbao down} (or
         * {@link LocalStack#close()}) stops them. Otherwise a shutdown hook stops them with the JVM.
         */
        public Builder outliveLauncher(boolean outlive) {
            this.outliveLauncher = outlive;
            return this;
        }

        /**
         * Further variables for every service (e.g. {@code NIANBAO_CRAWL_ALLOW_PRIVATE=true} for a test's site on
         * loopback); the stack's own wiring above wins over them.
         */
        public Builder serviceSettings(Map<String, String> settings) {
            this.serviceSettings = Map.copyOf(settings);
            return this;
        }

        /** Told one line per step, for a person watching. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        Map<String, String> serviceEnvironment(String bootstrapServers, String mongoUri) {
            Map<String, String> env = new HashMap<>(serviceSettings);
            // Tesseract (parse-service's OCR) with one OpenMP thread: several times faster per page on shared cores.
            env.putIfAbsent("OMP_THREAD_LIMIT", System.getenv().getOrDefault("OMP_THREAD_LIMIT", "1"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            env.put("MONGODB_URI", mongoUri);
            // Null removes an inherited value: what the stack was configured with is what the services get.
            env.put("MONGODB_DATABASE", mongoDatabase);
            env.put("NIANBAO_API_KEY", apiKey);
            if (otlpEndpoint != null) {
                env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint);
            }
            env.put("NIANBAO_STATE_DIR", stateDir(ServiceProcess.VALIDATE));
            return env;
        }

        /**
         * validate-service's state stores: in the stack's data directory, one per instance, never shared with another
         * stack's or instance's.
         */
        private String stateDir(String instance) {
            return dataDir.resolve(instance + "-state").toAbsolutePath().toString();
        }

        /** Starts everything; on any failure stops what had started and throws, leaving no process behind. */
        public LocalStack start() {
            LocalStack stack = new LocalStack(this);
            try {
                stack.startAll();
            } catch (RuntimeException e) {
                try {
                    stack.close();
                } catch (RuntimeException notStopped) {
                    e.addSuppressed(notStopped);
                }
                throw e;
            }
            return stack;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * Starts every component; for a stack that outlives its launcher ({@code nianbao up}) whose run directory names
     * components still running, only the missing ones, on the ports the stack recorded: a stack some of whose
     * processes crashed is healed by running {@code up} again, without stopping the survivors.
     */
    private void startAll() {
        RunningStack running = new RunningStack(config.dataDir);
        List<String> kept = running.liveComponents();
        if (!kept.isEmpty() && !config.outliveLauncher) {
            running.requireNoneRunning();
        }
        recorded = kept.isEmpty() ? new Properties() : run.readStack();
        StackPorts ports = kept.isEmpty() ? config.ports : config.ports.recordedIn(recorded);
        kept.forEach(component -> config.progress.accept(component + " is running (pid "
                + running.pid(component).orElseThrow() + "): kept"));
        requireFreePorts(ports, kept);
        if (!config.outliveLauncher) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        if (config.externalKafka != null) {
            bootstrapServers = config.externalKafka;
            config.progress.accept("using the Kafka broker at " + bootstrapServers);
        } else if (kept.contains(KafkaBroker.COMPONENT)) {
            bootstrapServers = recorded.getProperty(BOOTSTRAP_SERVERS);
        } else {
            KafkaBroker broker = new KafkaBroker(config.home, config.dataDir, ports.kafka(), ports.controller(), run);
            config.progress.accept("starting Kafka on " + broker.bootstrapServers() + " (log: " + broker.logFile() + ")");
            startOne(broker);
            bootstrapServers = broker.bootstrapServers();
        }
        KafkaTopics.ensure(bootstrapServers, config.partitions);
        config.progress.accept("topics ready: " + String.join(", ", io.nianbao.schema.Topics.ALL));

        if (config.externalMongo != null) {
            mongoUri = config.externalMongo;
            config.progress.accept("using MongoDB at " + mongoUri);
        } else if (kept.contains(MongoStore.COMPONENT)) {
            mongoUri = recorded.getProperty(MONGODB_URI);
        } else {
            MongoStore store = new MongoStore(config.home, config.dataDir, ports.mongo(), run);
            config.progress.accept("starting the embedded MongoDB-compatible store on " + store.uri() + " (log: " + store.logFile() + ")");
            startOne(store);
            mongoUri = store.uri();
        }

        // The services are independent of each other: start them together, then wait for each.
        List<ServiceProcess> services = new ArrayList<>();
        for (String name : config.services) {
            if (kept.contains(name)) {
                continue;
            }
            ServiceProcess service = ServiceProcess.packaged(config.home, name, ports.service(name),
                    config.serviceEnvironment(bootstrapServers, mongoUri), config.dataDir, run);
            config.progress.accept("starting " + name + " on " + service.url() + " (log: " + service.logFile() + ")");
            started.put(name, service);
            service.launch();
            services.add(service);
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
            config.progress.accept(service.name() + " ready");
        }
        run.writeStack(describe(!kept.isEmpty()));
    }

    private void startOne(ManagedProcess process) {
        started.put(process.name(), process);
        process.start();
    }

    private void requireFreePorts(StackPorts ports, List<String> kept) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (config.externalKafka == null && !kept.contains(KafkaBroker.COMPONENT)) {
            wanted.put("Kafka", ports.kafka());
            wanted.put("the Kafka controller", ports.controller());
        }
        if (config.externalMongo == null && !kept.contains(MongoStore.COMPONENT)) {
            wanted.put("the store", ports.mongo());
        }
        config.services.stream().filter(service -> !kept.contains(service))
                .forEach(service -> wanted.put(service, ports.service(service)));
        wanted.forEach((what, port) -> {
            if (StackPorts.inUse(port)) {
                throw new IllegalStateException("port " + port + " for " + what + " is already in use by another program");
            }
        });
    }

    /**
     * What {@code nianbao status} and {@code ingest} read back from another process: for a healed stack, what was
     * recorded, with the components started now (each counted as a restart).
     */
    private Properties describe(boolean healed) {
        Properties stack = new Properties();
        stack.putAll(recorded);
        stack.setProperty(BOOTSTRAP_SERVERS, bootstrapServers);
        stack.setProperty(MONGODB_URI, mongoUri);
        started.values().forEach(process -> {
            if (process instanceof KafkaBroker broker) {
                stack.setProperty(KafkaBroker.COMPONENT + StackPorts.PORT, Integer.toString(broker.port()));
                stack.setProperty(KafkaBroker.COMPONENT + StackPorts.CONTROLLER_PORT, Integer.toString(broker.controllerPort()));
            } else if (process instanceof MongoStore store) {
                stack.setProperty(MongoStore.COMPONENT + StackPorts.PORT, Integer.toString(store.port()));
            } else if (process instanceof ServiceProcess service) {
                stack.setProperty(service.name() + StackPorts.PORT, Integer.toString(service.port()));
                stack.setProperty(service.name() + RunningStack.URL, service.url().toString());
            }
            if (healed) {
                stack.setProperty(process.name() + RunningStack.RESTARTS,
                        Integer.toString(RunningStack.restarts(recorded, process.name()) + 1));
            }
        });
        return stack;
    }

    /**
     * Starts one more instance of a running service, as scaling out does: the same consumer group (and for
     * validate-service the same streams application), so the instances divide the topic's partitions between them;
     * its own port, log and state directory. It is named {@code <service>-<n>} (n from 2), answers to {@link #url},
     * {@link #kill} and {@link #restart} by that name and stops with the stack; {@code nianbao status} does not list it.
     *
     * @return the instance's name
     */
    public synchronized String startInstance(String service) {
        if (!(started.get(service) instanceof ServiceProcess)) {
            throw new IllegalArgumentException(service + " is not a service this stack started; started: " + started.keySet());
        }
        int n = 2;
        while (started.containsKey(service + "-" + n)) {
            n++;
        }
        String instance = service + "-" + n;
        Map<String, String> env = config.serviceEnvironment(bootstrapServers, mongoUri);
        env.put("NIANBAO_STATE_DIR", config.stateDir(instance));
        ServiceProcess process = ServiceProcess.packaged(config.home, service, instance, StackPorts.freePorts(1).get(0),
                env, config.dataDir, run);
        config.progress.accept("starting " + instance + " on " + process.url() + " (log: " + process.logFile() + ")");
        started.put(instance, process);
        process.start();
        config.progress.accept(instance + " ready");
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The base URL of a service of this stack (started now, or kept running), e.g. {@code http://localhost:8081}. */
    public String url(String service) {
        if (started.get(service) instanceof ServiceProcess process) {
            return process.url().toString();
        }
        String kept = recorded.getProperty(service + RunningStack.URL);
        if (kept != null) {
            return kept;
        }
        throw new IllegalArgumentException(service + " is not a service of this stack; started: " + started.keySet());
    }

    public String apiKey() {
        return config.apiKey;
    }

    public Path dataDir() {
        return config.dataDir;
    }

    public long pid(String component) {
        return component(component).pid();
    }

    /** SIGKILL, as a crash would: nothing gets to shut down cleanly. */
    public void kill(String component) {
        component(component).kill();
    }

    public void stop(String component) {
        component(component).stop();
    }

    public void restart(String component) {
        component(component).restart();
    }

    /** Restarts a service with these environment variables changed (a null value removes one). */
    public void restart(String service, Map<String, String> settings) {
        if (!(component(service) instanceof ServiceProcess process)) {
            throw new IllegalArgumentException(service + " is no service");
        }
        process.configure(settings);
        process.restart();
    }

    private ManagedProcess component(String name) {
        ManagedProcess process = started.get(name);
        if (process == null) {
            throw new IllegalArgumentException(name + " was not started by this stack; started: " + started.keySet());
        }
        return process;
    }

    /** Stops everything this stack started, services first, and forgets the run files. */
    @Override
    public void close() {
        stopAll();
        if (!config.outliveLauncher) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // close() was called from within the shutdown: the hook is running or has run; nothing to remove.
            }
        }
    }

    /** Tries every component even when one fails to stop, so that one stuck process does not strand the rest. */
    private synchronized void stopAll() {
        List<RuntimeException> failures = new ArrayList<>();
        List<ManagedProcess> services = started.values().stream().filter(ServiceProcess.class::isInstance).toList();
        // Services do not depend on each other; stopping them together shortens the wait for their graceful shutdown.
        services.stream().map(service -> CompletableFuture.runAsync(service::stop)).toList().forEach(stopping -> {
            try {
                stopping.join();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        for (String infrastructure : List.of(MongoStore.COMPONENT, KafkaBroker.COMPONENT)) {
            ManagedProcess process = started.get(infrastructure);
            if (process != null) {
                try {
                    process.stop();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        started.clear();
        run.forgetStack();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not stop every component: " + failures.get(0).getMessage());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
