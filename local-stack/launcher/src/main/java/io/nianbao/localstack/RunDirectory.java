package io.nianbao.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <data>/run/}: one {@code <component>.pid} per process a stack started, and {@code stack.properties} with its
 * ports and URLs, so that {@code nianbao down} and {@code status}, in another process, find what {@code up} started.
 */
public final class RunDirectory {
    static final String STACK_FILE = "stack.properties";

    private final Path dir;

    public RunDirectory(Path dataDir) {
        this.dir = dataDir.resolve("run");
    }

    /**
     * A recorded process. The start instant tells it apart from an unrelated process that got the same pid after
     * ours died, so a stale pid file never makes us signal a stranger.
     */
    public record PidRecord(String component, long pid, Optional<Instant> startedAt) {

        /** The recorded process, if it is still running. */
        public Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startedAt.isEmpty() || handle.info().startInstant().equals(startedAt));
        }
    }

    public Path path() {
        return dir;
    }

    public void record(String component, ProcessHandle process) {
        Properties pid = new Properties();
        pid.setProperty("pid", Long.toString(process.pid()));
        process.info().startInstant().ifPresent(start -> pid.setProperty("started", start.toString()));
        write(pidFile(component), pid);
    }

    public Optional<PidRecord> read(String component) {
        Path file = pidFile(component);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties pid = load(file);
        try {
            return Optional.of(new PidRecord(component, Long.parseLong(pid.getProperty("pid", "").trim()),
                    Optional.ofNullable(pid.getProperty("started")).map(Instant::parse)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("unreadable pid file " + file + ": " + e.getMessage(), e);
        }
    }

    public void forget(String component) {
        delete(pidFile(component));
    }

    public void writeStack(Properties stack) {
        write(dir.resolve(STACK_FILE), stack);
    }

    /** The ports and URLs of the stack last started here; empty when none was. */
    public Properties readStack() {
        Path file = dir.resolve(STACK_FILE);
        return Files.isRegularFile(file) ? load(file) : new Properties();
    }

    public void forgetStack() {
        delete(dir.resolve(STACK_FILE));
    }

    private Path pidFile(String component) {
        return dir.resolve(component + ".pid");
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a file. */
    private void write(Path file, Properties content) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
