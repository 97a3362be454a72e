package io.nianbao.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nianbao.localstack.RunningStack;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Each component: running or stopped, pid, port, whether it answers, and how often `nianbao up` started it"
                + " again after it died. Exit 0 only if everything started is ready.")
final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<RunningStack.ComponentStatus> statuses = new RunningStack(Workspace.of(System.getenv()).dataDir()).status();
        List<List<String>> rows = new ArrayList<>();
        for (RunningStack.ComponentStatus status : statuses) {
            rows.add(List.of(status.name(), status.running() ? "running" : "stopped",
                    status.pid().map(String::valueOf).orElse("-"), status.port().map(String::valueOf).orElse("-"),
                    status.ready() ? "ready" : "not ready", String.valueOf(status.restarts())));
        }
        System.out.print(SummaryTable.render(List.of("component", "state", "pid", "port", "readiness", "restarts"), rows));
        // Only what the last `up` started has a port on record; a component it did not start (an external broker) is no failure.
        List<RunningStack.ComponentStatus> started = statuses.stream().filter(status -> status.port().isPresent()).toList();
        return !started.isEmpty() && started.stream().allMatch(RunningStack.ComponentStatus::ready) ? 0 : 1;
    }
}
