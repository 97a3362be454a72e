package io.nianbao.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.nianbao.localstack.RunningStack;
import io.nianbao.localstack.ServiceProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = { "Upload report files to ingest-service and print `<id>  <file>` for each.",
                "URL: NIANBAO_INGEST_URL, else the one `nianbao up` started, else http://localhost:8081. Key: NIANBAO_API_KEY.",
                "Exits 1 if any upload failed." })
final class IngestCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "http://localhost:8081";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (PDF, Word, HTML, text, scans)")
    List<Path> files;

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
    public Integer call() {
        IngestClient client = new IngestClient(ingestUrl(), env.get("NIANBAO_API_KEY"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            IngestClient.Upload upload = client.upload(file);
            if (upload.accepted()) {
                out.println(upload.id() + "  " + file);
            } else {
                failed++;
                err.println(file + ": " + upload.error());
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
