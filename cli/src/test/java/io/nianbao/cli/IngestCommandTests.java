package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class IngestCommandTests {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ingest(FakeHttpServer server, String apiKey, String... files) {
        Map<String, String> env = apiKey == null ? Map.of(IngestClient.URL_ENV, server.url())
                : Map.of(IngestClient.URL_ENV, server.url(), "NIANBAO_API_KEY", apiKey);
        return new CommandLine(new IngestCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(files);
    }

    private Path report(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void eachAcceptedFileIsPrintedWithItsIdAndUploadedRawWithItsNameAndTheKey() throws Exception {
        Path report = report("盐池县 2024.txt", "一、总体情况");
        try (FakeHttpServer ingest = new FakeHttpServer(202, "{\"id\":\"abc123\"}")) {

            int exit = ingest(ingest, "secret", report.toString());

            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualTo("abc123  " + report + System.lineSeparator());
            assertThat(ingest.requests).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.uri()).isEqualTo("/api/reports?fileName=%E7%9B%90%E6%B1%A0%E5%8E%BF+2024.txt");
                assertThat(request.apiKey()).isEqualTo("secret");
                assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("一、总体情况");
            });
        }
    }

    @Test
    void withoutAKeyNoKeyHeaderIsSent() throws Exception {
        Path report = report("a.txt", "x");
        try (FakeHttpServer ingest = new FakeHttpServer(202, "{\"id\":\"abc123\"}")) {

            ingest(ingest, null, report.toString());

            assertThat(ingest.requests).singleElement().satisfies(request -> assertThat(request.apiKey()).isNull());
        }
    }

    @Test
    void aRefusedUploadPrintsTheStatusAndTheServicesMessageAndExitsNonZero() throws Exception {
        Path report = report("huge.pdf", "x");
        try (FakeHttpServer ingest = new FakeHttpServer(413, "{\"message\":\"larger than 16777216 bytes\"}")) {

            int exit = ingest(ingest, null, report.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).contains("huge.pdf").contains("HTTP 413").contains("larger than 16777216 bytes");
        }
    }

    @Test
    void aMissingFileFailsWithoutStoppingTheOthers() throws Exception {
        Path report = report("b.txt", "x");
        try (FakeHttpServer ingest = new FakeHttpServer(202, "{\"id\":\"abc123\"}")) {

            int exit = ingest(ingest, null, dir.resolve("missing.txt").toString(), report.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("missing.txt").contains("cannot read the file");
            assertThat(out.toString()).contains("abc123  " + report);
        }
    }

    @Test
    void anUnreachableServiceIsReportedWithItsAddress() throws Exception {
        Path report = report("c.txt", "x");
        FakeHttpServer stopped = new FakeHttpServer(202, "");
        stopped.close();

        int exit = ingest(stopped, null, report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach ingest-service at " + stopped.url());
    }

    @Test
    void aFolderIsWalkedAndWithWaitEachFilesFailureIsPrintedWithItsStageAndReason() throws Exception {
        Files.createDirectories(dir.resolve("2024/.cache"));
        report("2024/a.txt", "一、总体情况");
        report("2024/b.txt", "一、总体情况");
        report("2024/.cache/skip.txt", "x");
        try (FakeHttpServer ingest = new FakeHttpServer(202, "{\"id\":\"abc123\"}");
                FakeHttpServer store = new FakeHttpServer(200, "{\"status\":\"failed\",\"failure\":{\"stage\":\"parse\","
                        + "\"errorType\":\"UNREADABLE_DOCUMENT\",\"reason\":\"zip file is truncated\"}}")) {
            Map<String, String> env = Map.of(IngestClient.URL_ENV, ingest.url(), StoreClient.URL_ENV, store.url());

            int exit = new CommandLine(new IngestCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("--wait", dir.resolve("2024").toString());

            assertThat(exit).isEqualTo(1);
            assertThat(ingest.requests).hasSize(2);
            assertThat(out.toString()).contains("abc123  " + dir.resolve("2024/a.txt"), "abc123  " + dir.resolve("2024/b.txt"))
                    .contains("failed   " + dir.resolve("2024/a.txt") + "  parse UNREADABLE_DOCUMENT: zip file is truncated")
                    .doesNotContain("skip.txt");
            assertThat(store.requests).allMatch(request -> request.uri().equals("/api/documents/abc123"));
        }
    }
}
