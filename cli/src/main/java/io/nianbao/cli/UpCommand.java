package io.nianbao.cli;

import java.util.concurrent.Callable;

import io.nianbao.localstack.LocalStack;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, the store and the four services in the background; `nianbao down` stops them. Run"
                + " again while a stack runs, it starts only the components that died, on their ports.")
final class UpCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Workspace workspace = Workspace.of(System.getenv());
        LocalStack stack = LocalStack.builder(workspace.home(), workspace.dataDir())
                .environment(System.getenv())
                .outliveLauncher(true)
                .progress(System.out::println)
                .start();
        System.out.println();
        System.out.println("nianbao is up (data: " + workspace.dataDir() + ", logs: " + workspace.dataDir().resolve("logs") + ")");
        StackUrls.describe(stack::url).forEach(System.out::println);
        System.out.println(stack.apiKey() == null ? "no API key required (NIANBAO_API_KEY is unset)"
                : "the services require the API key in NIANBAO_API_KEY (header X-API-Key)");
        return 0;
    }
}
