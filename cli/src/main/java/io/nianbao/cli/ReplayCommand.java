package io.nianbao.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.nianbao.localstack.KafkaBroker;
import io.nianbao.localstack.RunningStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = { "Re-read reports.raw through parse-service: publish again every document received since DATE "
                + "(each once), or only those whose stored report a parser older than V made.",
                "The store keeps the newer parser's result; the report's history keeps the older. An unchanged result changes nothing.",
                "Broker: KAFKA_BOOTSTRAP_SERVERS, else the one `nianbao up` started. Store: NIANBAO_STORE_URL, else the running one." })
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--since", required = true, paramLabel = "DATE",
            description = "replay what reports.raw received from this date (UTC, e.g. 2025-01-01) or instant on")
    String since;

    @Option(names = "--parser-version-below", paramLabel = "V",
            description = "only documents whose stored report was made by a parser version below V (e.g. 0.4.0)")
    String parserVersionBelow;

    private final Map<String, String> env;

    ReplayCommand() {
        this(System.getenv());
    }

    ReplayCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Instant from = since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since);
        Predicate<String> wanted = reportId -> true;
        String reason = "replay --since " + since;
        if (parserVersionBelow != null) {
            wanted = ReplaySelection.storedByParserBelow(parserVersionBelow, StoreClient.url(env), env.get("NIANBAO_API_KEY"));
            reason += " --parser-version-below " + parserVersionBelow;
        }
        RawReplay.Result result = new RawReplay(bootstrapServers()).replay(from, wanted, reason);
        System.out.println("replayed " + result.published() + " documents (" + result.read()
                + " records of reports.raw read since " + since + "); follow them with GET /api/documents/{id}");
        return 0;
    }

    private String bootstrapServers() {
        String configured = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return stack().status().stream().filter(status -> status.name().equals(KafkaBroker.COMPONENT))
                .flatMap(status -> status.port().stream()).findFirst().map(port -> "localhost:" + port)
                .orElseThrow(() -> new IllegalStateException("no broker: start the stack with `nianbao up` or set KAFKA_BOOTSTRAP_SERVERS"));
    }

    private RunningStack stack() {
        return new RunningStack(Workspace.of(env).dataDir());
    }
}
