package io.nianbao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Map;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.StackPorts;

/**
 * The launcher of {@code bin/nianbao demo}, started on free ports with an API key, ignoring any external Kafka or
 * MongoDB of the environment: the test always brings up its own. Its data directory starts empty and is kept
 * after the run, so the services' logs are there to read when a test fails.
 */
final class E2eStack {
    private E2eStack() {
    }

    static LocalStack start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** @param serviceSettings further environment variables of the services, e.g. crawl settings */
    static LocalStack start(Path dataDir, Map<String, String> serviceSettings) {
        return start(dataDir, serviceSettings, false);
    }

    /**
     * @param outliveLauncher as {@code nianbao up}: no shutdown hook stops the processes, the test stops them
     *                        ({@code RunningStack.down()})
     */
    static LocalStack start(Path dataDir, Map<String, String> serviceSettings, boolean outliveLauncher) {
        return start(dataDir, serviceSettings, outliveLauncher, null);
    }

    /** @param otlpEndpoint where the services export their traces, as NIANBAO_OTLP_ENDPOINT; null for none */
    static LocalStack start(Path dataDir, Map<String, String> serviceSettings, boolean outliveLauncher,
                            String otlpEndpoint) {
        deleteRecursively(dataDir);
        return LocalStack.builder(home(), dataDir)
                .environment(Map.of())
                .otlpEndpoint(otlpEndpoint)
                .ports(StackPorts.free())
                .apiKey("end-to-end-test-key")
                .serviceSettings(serviceSettings)
                .outliveLauncher(outliveLauncher)
                .progress(line -> System.out.println("[stack] " + line))
                .start();
    }

    /**
     * SIGSTOP: the component stops where it stands, mid-write or mid-transaction, its connections open; to its
     * clients it hangs rather than refuses. {@link #thaw} lets it go on; {@code kill} (SIGKILL) ends it frozen.
     */
    static void freeze(LocalStack stack, String component) {
        signal(stack.pid(component), "STOP");
    }

    static void thaw(LocalStack stack, String component) {
        signal(stack.pid(component), "CONT");
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + signal + " to " + pid, e);
        }
    }

    static Path home() {
        return Path.of(System.getProperty("nianbao.home", "..")).toAbsolutePath().normalize();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
