package io.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.crawler.CrawlResult;
import io.nianbao.crawler.Crawler;
import io.nianbao.crawler.CrawlerSettings;
import io.nianbao.crawler.InMemoryCrawlState;
import io.nianbao.crawler.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = { "Crawl a source now through ingest-service (which publishes what is new), or with --dry-run crawl",
                "a list-page URL or a sources JSON file right here: nothing published, no state kept, one line per report:",
                "URL  TITLE  DATE  TYPE  SIZE  SHA-256. Exits 1 when a source is blocked by an anti-bot wall or the crawl failed." })
final class CrawlCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1", paramLabel = "SOURCE", description = "source id; with --dry-run a list-page URL or a sources JSON file")
    String target;

    @Option(names = "--dry-run", description = "crawl here without Kafka: publish nothing, keep no state")
    boolean dryRun;

    @Option(names = "--allow-private", description = "with --dry-run: allow loopback and private addresses (a local mirror)")
    boolean allowPrivate;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "with --dry-run: pause between two requests to one host (ISO-8601, default ${DEFAULT-VALUE})")
    Duration delay;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    CrawlCommand() {
        this(System.getenv());
    }

    CrawlCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        return dryRun ? dryRun() : crawlThroughIngest();
    }

    private int dryRun() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CrawlerSettings defaults = CrawlerSettings.defaults();
        Crawler crawler = new Crawler(new CrawlerSettings(defaults.userAgent(), defaults.timeout(), defaults.maxBytes(), delay,
                defaults.retries(), defaults.backoff(), allowPrivate));
        boolean failed = false;
        for (Source source : sources()) {
            CrawlResult result = crawler.crawl(source, new InMemoryCrawlState(), (from, report) ->
                    out.println(String.join("  ", report.url(), report.title(), String.valueOf(report.listedDate()),
                            report.kind(), Integer.toString(report.content().length), report.sha256())));
            failed |= summarise(err, result.sourceId(), result.reportsFound(), result.pagesFetched(), result.errors(), result.blocked());
        }
        out.flush();
        err.flush();
        return failed ? 1 : 0;
    }

    private List<Source> sources() throws IOException {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return List.of(new Source("dry-run", target, null, null, null, List.of(target), 0, null, List.of(), 0));
        }
        JsonNode json = JSON.readTree(Files.readAllBytes(Path.of(target)));
        return json.isArray() ? JSON.convertValue(json, new TypeReference<List<Source>>() {
        }) : List.of(JSON.convertValue(json, Source.class));
    }

    private int crawlThroughIngest() throws IOException, InterruptedException {
        String base = new IngestCommand(env).ingestUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/sources/" + target + "/crawl"))
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        String apiKey = env.get("NIANBAO_API_KEY");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (response.statusCode() != 200) {
            err.println("ingest-service answered " + response.statusCode() + ": " + body.path("message").asText(response.body()));
            err.flush();
            return 1;
        }
        out.println(target + ": published " + body.path("published").asInt() + " new or changed report(s)");
        List<String> errors = JSON.convertValue(body.path("errors"), new TypeReference<List<String>>() {
        });
        boolean failed = summarise(err, target, body.path("reportsFound").asInt(), body.path("pagesFetched").asInt(),
                errors == null ? List.of() : errors, body.path("blocked").isTextual() ? body.path("blocked").asText() : null);
        out.flush();
        err.flush();
        return failed ? 1 : 0;
    }

    /** @return true when the source could not be crawled at all */
    private static boolean summarise(PrintWriter err, String source, int found, int pages, List<String> errors, String blocked) {
        err.println(source + ": " + found + " report(s) found on " + pages + " page(s), " + errors.size() + " page(s) failed");
        errors.forEach(e -> err.println("  " + e));
        if (blocked != null) {
            err.println(source + ": BLOCKED by an anti-bot wall, upload its reports by hand: " + blocked);
        }
        return blocked != null || (found == 0 && !errors.isEmpty());
    }
}
