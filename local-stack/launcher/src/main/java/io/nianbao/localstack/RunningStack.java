package io.nianbao.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A stack as another process sees it through its run directory: what {@code nianbao status} reports and
 * {@code nianbao down} stops, after the {@code nianbao up} that started it has exited.
 */
public final class RunningStack {
    static final String RESTARTS = ".restarts";
    static final String URL = ".url";
    private final RunDirectory run;

    public RunningStack(Path dataDir) {
        this.run = new RunDirectory(dataDir);
    }

    /**
     * One component: its pid while recorded and alive, its port, whether it answers, and how many times
     * {@code nianbao up} started it again after it had died.
     */
    public record ComponentStatus(String name, Optional<Long> pid, Optional<Integer> port, boolean ready, int restarts) {
        public boolean running() {
            return pid.isPresent();
        }
    }

    public List<ComponentStatus> status() {
        Properties stack = run.readStack();
        List<ComponentStatus> statuses = new ArrayList<>();
        for (String component : LocalStack.COMPONENTS) {
            Optional<Long> pid = run.read(component).flatMap(RunDirectory.PidRecord::liveProcess).map(ProcessHandle::pid);
            Optional<Integer> port = Optional.ofNullable(stack.getProperty(component + StackPorts.PORT)).map(Integer::valueOf);
            boolean ready = pid.isPresent() && port.map(p -> answers(component, p)).orElse(false);
            statuses.add(new ComponentStatus(component, pid, port, ready, restarts(stack, component)));
        }
        return statuses;
    }

    /** The URL a started service was given, e.g. for {@code nianbao ingest} to find ingest-service. */
    public Optional<String> url(String service) {
        return Optional.ofNullable(run.readStack().getProperty(service + URL));
    }

    /** How many times the component was started again into a running stack, as {@code stack.properties} counts. */
    static int restarts(Properties stack, String component) {
        return Integer.parseInt(stack.getProperty(component + RESTARTS, "0").trim());
    }

    /** The components whose recorded process still runs, in start order. */
    public List<String> liveComponents() {
        return LocalStack.COMPONENTS.stream().filter(component -> live(component).isPresent()).toList();
    }

    /** The pid of the component's recorded process while it runs. */
    public Optional<Long> pid(String component) {
        return live(component).map(ProcessHandle::pid);
    }

    public boolean anyRunning() {
        return LocalStack.COMPONENTS.stream().anyMatch(component -> live(component).isPresent());
    }

    void requireNoneRunning() {
        for (String component : LocalStack.COMPONENTS) {
            live(component).ifPresent(process -> {
                throw new IllegalStateException("a stack already runs from " + run.path().getParent() + " (" + component
                        + ", pid " + process.pid() + "): stop it with `nianbao down` first");
            });
        }
    }

    /**
     * Stops every recorded process that still runs, services first, and clears the run directory (stale pid files
     * included). Returns one line per process stopped.
     */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        List<String> stopOrder = new ArrayList<>(LocalStack.COMPONENTS);
        Collections.reverse(stopOrder);
        for (String component : stopOrder) {
            live(component).ifPresent(process -> {
                ManagedProcess.terminate(process, ManagedProcess.STOP_TIMEOUT);
                stopped.add(component + " (pid " + process.pid() + ") stopped");
            });
            run.forget(component);
        }
        run.forgetStack();
        return stopped;
    }

    private Optional<ProcessHandle> live(String component) {
        return run.read(component).flatMap(RunDirectory.PidRecord::liveProcess);
    }

    private static boolean answers(String component, int port) {
        return ServiceProcess.NAMES.contains(component) ? Probes.ready(URI.create("http://localhost:" + port)) : Probes.accepts(port);
    }
}
