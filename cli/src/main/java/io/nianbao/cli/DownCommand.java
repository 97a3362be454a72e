package io.nianbao.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.nianbao.localstack.RunningStack;
import picocli.CommandLine.Command;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop everything `nianbao up` started (SIGTERM, then SIGKILL after a timeout).")
final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<String> stopped = new RunningStack(Workspace.of(System.getenv()).dataDir()).down();
        if (stopped.isEmpty()) {
            System.out.println("nothing was running");
        }
        stopped.forEach(System.out::println);
        return 0;
    }
}
