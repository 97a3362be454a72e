package io.nianbao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nianbao}: runs the pipeline on this machine and feeds it reports. One class per subcommand. */
@Command(name = "nianbao", mixinStandardHelpOptions = true, version = "nianbao 0.1.0-SNAPSHOT",
        description = "Government information-disclosure annual reports turned into checked, structured data.",
        subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, IngestCommand.class, DemoCommand.class, BenchCommand.class,
                ParseCommand.class, CheckCommand.class,
                CrawlCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class })
public final class NianbaoCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        // A failure is reported as its message, which names what went wrong and where to look; no stack trace.
        return new CommandLine(new NianbaoCli()).setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            commandLine.getErr().println("nianbao " + commandLine.getCommandName() + ": " + failure.getMessage());
            return 1;
        });
    }
}
