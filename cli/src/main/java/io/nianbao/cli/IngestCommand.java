package io.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.nianbao.localstack.RunningStack;
import io.nianbao.localstack.ServiceProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = { "Upload report files (folders are walked) to ingest-service and print `<id>  <file>` for each;",
                "on a terminal with a progress bar. With --wait, then print what became of each: stored (verdict, alerts) or failed (stage, reason).",
                "URL: NIANBAO_INGEST_URL, else the one `nianbao up` started, else http://localhost:8081. Key: NIANBAO_API_KEY.",
                "Store (for --wait): NIANBAO_STORE_URL, else the running one. Exits 1 if any upload (or, with --wait, any report) failed." })
final class IngestCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "http://localhost:8081";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (PDF, Word, HTML, text, scans) or folders of them")
    List<Path> files;

    @Option(names = "--wait", description = "wait until each report is stored or failed and print its outcome")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "with --wait: how long to wait for the last outcome (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    IngestCommand() {
        this(System.getenv());
    }

    IngestCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        IngestClient client = new IngestClient(ingestUrl(), env.get("NIANBAO_API_KEY"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> all = ReportFiles.expand(files);
        ProgressBar progress = new ProgressBar(err, all.size(), System.console() != null);
        Map<String, Path> accepted = new LinkedHashMap<>();
        int failed = 0;
        for (Path file : all) {
            IngestClient.Upload upload = client.upload(file);
            progress.clear();
            if (upload.accepted()) {
                out.println(upload.id() + "  " + file);
                accepted.putIfAbsent(upload.id(), file);
            } else {
                failed++;
                err.println(file + ": " + upload.error());
            }
            out.flush();
            progress.advance();
        }
        progress.done();
        if (await && !accepted.isEmpty()) {
            StoreClient store = new StoreClient(StoreClient.url(env), env.get("NIANBAO_API_KEY"));
            for (IngestOutcomes.Outcome outcome : new IngestOutcomes(store).await(accepted, Duration.ofSeconds(timeoutSeconds)).values()) {
                out.println(outcome.line());
                failed += outcome.failed() ? 1 : 0;
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Also used by {@code crawl}, which talks to the same service. */
    String ingestUrl() {
        String configured = env.get(IngestClient.URL_ENV);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return new RunningStack(Workspace.of(env).dataDir()).url(ServiceProcess.INGEST).orElse(DEFAULT_URL);
        } catch (IllegalStateException noRepository) {
            // Uploading to a remote service needs no repository: nothing of ours runs here to ask.
            return DEFAULT_URL;
        }
    }
}
