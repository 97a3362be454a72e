package io.nianbao.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One component of the stack as an operating-system process: started with its output in a log file and its pid in
 * the run directory, ready once its probe answers, stopped with SIGTERM (then SIGKILL) or killed outright.
 */
public abstract class ManagedProcess {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * Each component gets a session of its own: Ctrl-C at the terminal then reaches only the launcher, which stops
     * the components in order, and components started by {@code nianbao up} outlive the terminal it ran in.
     */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path logFile;
    private final RunDirectory run;
    private final Duration startTimeout;
    private Process process;

    protected ManagedProcess(String name, Path logFile, RunDirectory run, Duration startTimeout) {
        this.name = name;
        this.logFile = logFile;
        this.run = run;
        this.startTimeout = startTimeout;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The command line, {@code java} first. */
    protected abstract List<String> command();

    /** Variables added to (or, with a null value, removed from) the launcher's environment. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Whether the process serves its clients yet; must not throw. */
    protected abstract boolean isReady();

    /** Starts the process and waits until it is ready. */
    public void start() {
        launch();
        awaitReady();
    }

    /** Starts the process without waiting, so that several can start at once; then {@link #awaitReady()}. */
    void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        environment().forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        run.record(name, process.toHandle());
    }

    /** Waits until the probe answers; fails early, with the end of the log, if the process dies first. */
    void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                run.forget(name);
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " while starting; the end of " + logFile + ":\n" + tail(logFile));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") was not ready within "
                        + startTimeout.toSeconds() + " s; the end of " + logFile + ":\n" + tail(logFile));
            }
            pause();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** SIGTERM, so it shuts down cleanly; SIGKILL if it has not exited after {@link #STOP_TIMEOUT}. */
    public void stop() {
        if (process != null) {
            terminate(process.toHandle(), STOP_TIMEOUT);
        }
        run.forget(name);
    }

    /** SIGKILL: a crash, as the at-least-once tests need it. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process.toHandle(), STOP_TIMEOUT);
        }
        run.forget(name);
    }

    public void restart() {
        stop();
        start();
    }

    /** Stops any process, ours or one a pid file names: SIGTERM, then SIGKILL after the timeout. */
    static void terminate(ProcessHandle handle, Duration timeout) {
        handle.destroy();
        if (!awaitExit(handle, timeout)) {
            handle.destroyForcibly();
            if (!awaitExit(handle, timeout)) {
                throw new IllegalStateException("process " + handle.pid() + " survived SIGKILL");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for process " + handle.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** The last few kilobytes of a log, to put the cause of a failed start in the error itself. */
    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 4096);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
