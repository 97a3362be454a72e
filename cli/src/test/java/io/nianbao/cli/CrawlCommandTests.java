package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.crawler.Crawler;
import io.nianbao.crawler.FakeGovernmentSite;
import picocli.CommandLine;

class CrawlCommandTests {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int crawl(Map<String, String> env, String... args) {
        return new CommandLine(new CrawlCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void dryRunPrintsOneLinePerReportWithItsHash() throws Exception {
        try (FakeGovernmentSite site = new FakeGovernmentSite()) {

            int exit = crawl(Map.of(), "--dry-run", "--allow-private", "--delay", "PT0S", site.listUrl());

            assertThat(exit).isZero();
            List<String> lines = out.toString().lines().toList();
            // With the default 30 s timeout the slow page is a report too.
            assertThat(lines).hasSize(FakeGovernmentSite.REPORTS + 1);
            assertThat(lines).anySatisfy(line -> assertThat(line.split("  ")).containsExactly(
                    site.base() + "/files/report2.pdf", "花马池镇2023年政府信息公开工作年度报告", "2024-01-20", "pdf",
                    Integer.toString(FakeGovernmentSite.PDF.length), Crawler.sha256(FakeGovernmentSite.PDF)));
            assertThat(err.toString()).contains("3 page(s) failed").contains("HTTP 404").contains("robots.txt");
        }
    }

    @Test
    void dryRunReadsASourcesFileAndRefusesPrivateAddressesUnlessAllowed() throws Exception {
        try (FakeGovernmentSite site = new FakeGovernmentSite()) {
            Path sources = Files.writeString(dir.resolve("sources.json"),
                    "[{\"id\": \"local\", \"name\": \"本地\", \"province\": \"64\", \"listUrls\": [\"" + site.listUrl() + "\"]}]");

            int exit = crawl(Map.of(), "--dry-run", "--delay", "PT0S", sources.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).contains("local: 0 report(s)").contains("internal address 127.0.0.1");
        }
    }

    @Test
    void sourceIsCrawledByIngestServiceWithTheApiKey() throws Exception {
        String result = "{\"sourceId\":\"yanchi\",\"pagesFetched\":12,\"reportsFound\":5,\"published\":2,"
                + "\"errors\":[\"list page x: HTTP 404\"],\"blocked\":null}";
        try (FakeHttpServer ingest = new FakeHttpServer(200, result)) {

            int exit = crawl(Map.of(IngestClient.URL_ENV, ingest.url(), "NIANBAO_API_KEY", "k"), "yanchi");

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("yanchi: published 2 new or changed report(s)");
            assertThat(err.toString()).contains("5 report(s) found on 12 page(s), 1 page(s) failed").contains("HTTP 404");
            assertThat(ingest.requests).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.uri()).isEqualTo("/api/sources/yanchi/crawl");
                assertThat(request.apiKey()).isEqualTo("k");
            });
        }
    }

    @Test
    void refusalOfIngestServiceIsShownWithItsMessage() throws Exception {
        try (FakeHttpServer ingest = new FakeHttpServer(409, "{\"error\":\"source_of_other_instance\",\"message\":\"Source x is in province 41\"}")) {

            int exit = crawl(Map.of(IngestClient.URL_ENV, ingest.url()), "x");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("409").contains("Source x is in province 41");
        }
    }
}
