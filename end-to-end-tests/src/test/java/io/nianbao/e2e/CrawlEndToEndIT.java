package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.nianbao.corpus.LabelledReport;
import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.render.Form;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.RawReportDeserializer;
import io.nianbao.testsupport.MachineTool;

/**
 * Continuous ingestion over real processes: ingest-service crawls a county website served by this test on
 * loopback (HTML reports, an article with the report as a PDF and a Word (.doc) attachment, and one whose report is
 * an OFD and a WPS file), is killed in the middle of the crawl and started again; every report then reached the
 * store, read, or, when parse-service cannot read it, the DLQ with its reason. A second source, a real county-level
 * site's department reports as it served them, declares its county: each is stored with its agency and county. Rendering the PDF needs a CJK font
 * ({@link MachineTool}: skipped without one, failed under CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlEndToEndIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTML_REPORTS = 10;
    private static final int ARTICLES_BEFORE_THE_KILL = 4;
    /** A zip with OFD.xml at its root, as GB/T 33190 packages are. */
    private static final byte[] OFD = ofd();
    /** An OLE2 compound file as Kingsoft WPS writes it. */
    private static final byte[] WPS = wps();
    /** Seed 002 (孟津区白鹤镇, one new application) as a Word 97 document, its tables real Word tables. */
    private static final byte[] DOC = resource("seed-002.doc");
    /** A generated consistent report, served as a PDF with a text layer. */
    private static final LabelledReport GENERATED = new ReportGenerator(2025, 0.0).report(0);
    /** The OFD, the WPS, the DOC and the PDF. */
    private static final int ATTACHED_REPORTS = 4;
    /** Department reports of a real county-level site, as it served them (report-parser's real pages, with truth). */
    private static final Path REAL_PAGES = Path.of(System.getProperty("nianbao.home", ".."))
            .resolve("report-parser/src/test/resources/real-pages");
    private static final List<String> COUNTY_PAGES = List.of("pingtan-office-2025", "pingtan-assets-2023",
            "pingtan-approval-2023");
    /** 平潭县, the county the real pages' source declares. */
    private static final String COUNTY_CODE = "350128";

    private byte[] pdf;
    private HttpServer site;
    private final Map<String, byte[]> pages = new LinkedHashMap<>();
    private final AtomicInteger articlesServed = new AtomicInteger();
    /**
     * Articles after the fourth are held unanswered until the test has killed ingest-service: the kill lands mid-crawl
     * however slowly the machine runs the test (a busy CI once let the whole crawl end before it).
     */
    private final CountDownLatch ingestKilled = new CountDownLatch(1);
    private LocalStack stack;
    private PipelineClient client;
    private PipelineTopics topics;

    /** Before each (the one) test rather than all: surefire counts a skipped test, not a class skipped before it. */
    @BeforeEach
    void startSiteAndPipeline() throws IOException {
        MachineTool.CJK_FONT.require(Form.PDF.available(), "the crawled PDF attachment");
        pdf = Form.PDF.render(GENERATED);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(Executors.newCachedThreadPool());
        site.createContext("/", this::serve);
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        StringBuilder list = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><ul>");
        String seed = SampleReports.text(SampleReports.SEED_000);
        for (int i = 0; i < HTML_REPORTS; i++) {
            String agency = String.format("爬取县第%02d镇", i);
            pages.put("/art/" + i + ".html", ("<html><head><meta charset=\"utf-8\"><title>" + agency + "2024年政府信息公开工作年度报告</title></head>"
                    + "<body><div id=\"zoom\"><pre>" + seed.replace("盐池县花马池镇", agency) + "</pre></div></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
            list.append("<li><a href=\"/art/").append(i).append(".html\">").append(agency)
                    .append("2024年政府信息公开工作年度报告</a><span>2025-01-").append(String.format("%02d", i + 10)).append("</span></li>");
        }
        pages.put("/art/formats.html", """
                <html><head><meta charset="utf-8"><title>附件年报</title></head><body><div class="TRS_Editor"><p>详见附件。</p>
                <p><a href="/files/nb2024.ofd">某乡2024年政府信息公开工作年度报告.ofd</a></p>
                <p><a href="/files/nb2024.wps">某乡2024年政府信息公开工作年度报告.wps</a></p></div></body></html>
                """.getBytes(StandardCharsets.UTF_8));
        String attachments = "<p><a href=\"/files/nb2024.doc\">白鹤镇2024年政府信息公开工作年度报告.doc</a></p>"
                + "<p><a href=\"/download.jsp?id=77\">" + GENERATED.truth().getAgency() + "年度报告.pdf</a></p>";
        pages.put("/download.jsp", pdf);
        pages.put("/art/attachments.html", ("<html><head><meta charset=\"utf-8\"><title>附件年报</title></head><body>"
                + "<div class=\"TRS_Editor\"><p>年报见附件。</p>" + attachments + "</div></body></html>").getBytes(StandardCharsets.UTF_8));
        pages.put("/files/nb2024.doc", DOC);
        pages.put("/files/nb2024.ofd", OFD);
        pages.put("/files/nb2024.wps", WPS);
        list.append("<li><a href=\"/art/attachments.html\">附件2024年政府信息公开工作年度报告</a><span>2025-01-30</span></li>");
        list.append("<li><a href=\"/art/formats.html\">某乡2024年政府信息公开工作年度报告</a><span>2025-01-31</span></li></ul></body></html>");
        pages.put("/xxgk/nb/index.html", list.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder countyList = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><ul>");
        for (String page : COUNTY_PAGES) {
            pages.put("/pingtan/" + page + ".html", Files.readAllBytes(REAL_PAGES.resolve(page + ".html")));
            JsonNode truth = JSON.readTree(REAL_PAGES.resolve(page + ".truth.json").toFile());
            countyList.append("<li><a href=\"/pingtan/").append(page).append(".html\">平潭综合实验区")
                    .append(truth.path("agencyContains").asText()).append(truth.path("year").asInt())
                    .append("年政府信息公开工作年度报告</a></li>");
        }
        pages.put("/pingtan/index.html", countyList.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8));

        Path sources = Files.createTempFile("crawl-e2e-sources", ".json");
        Files.writeString(sources, """
                [{"id": "e2e-county", "name": "爬取县人民政府", "province": "64", "listUrls": ["%s/xxgk/nb/index.html"]},
                 {"id": "e2e-pingtan", "name": "平潭综合实验区", "province": "35", "division": "%s",
                  "listUrls": ["%s/pingtan/index.html"]}]
                """.formatted(base, COUNTY_CODE, base));
        stack = E2eStack.start(Path.of("target", "e2e-crawl-stack"), Map.of(
                "NIANBAO_CRAWL_SOURCES", sources.toString(),
                "NIANBAO_CRAWL_ALLOW_PRIVATE", "true",
                "NIANBAO_CRAWL_TICK", "2S",
                "NIANBAO_CRAWL_PER_HOST_DELAY", "700MS",
                "NIANBAO_CRAWL_LEASE_TTL", "6S"));
        client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE), stack.apiKey());
        topics = new PipelineTopics(stack.bootstrapServers());
    }

    @AfterEach
    void stopAll() {
        // A test that failed before its kill leaves no article held.
        ingestKilled.countDown();
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void crawlKilledMidwayAndRestartedLosesNothingAndUnreadableFormatsReachTheDlqWithAReason() throws IOException {
        // The scheduler starts crawling as soon as the service is up; kill it part way through the articles.
        await().atMost(WITHIN).until(() -> articlesServed.get() > ARTICLES_BEFORE_THE_KILL);
        stack.kill(ServiceProcess.INGEST);
        assertThat(articlesServed.get()).as("killed before the crawl ended").isLessThan(HTML_REPORTS);
        ingestKilled.countDown();
        stack.restart(ServiceProcess.INGEST);

        // The dead instance's lease runs out, the restarted one crawls the rest.
        for (int i = 0; i < HTML_REPORTS; i++) {
            String id = sha256(pages.get("/art/" + i + ".html"));
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> client.report(id).status() == 200);
        }
        JsonNode fromWord = awaitStored(DOC);
        assertThat(fromWord.path("agency").asText()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(fromWord.path("source").path("mediaType").asText()).isEqualTo("application/msword");
        assertThat(fromWord.path("applications").path("newApplications").path(6).asInt(-1)).isEqualTo(1);
        JsonNode fromPdf = awaitStored(pdf);
        assertThat(fromPdf.path("agency").asText()).isEqualTo(GENERATED.truth().getAgency());
        assertThat(fromPdf.path("source").path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(fromPdf.path("applications").path("newApplications").path(6).asInt(-1))
                .isEqualTo(GENERATED.truth().getApplications().getNewApplications().get(6));
        await().atMost(WITHIN).untilAsserted(() -> {
            Map<String, DeadLetter> letters = topics.deadLetters().stream().filter(l -> l.getReportId() != null)
                    .collect(Collectors.toMap(DeadLetter::getReportId, Function.identity(), (a, b) -> a));
            for (Map.Entry<String, byte[]> unreadable : Map.of("OFD", OFD, "WPS", WPS).entrySet()) {
                DeadLetter letter = letters.get(sha256(unreadable.getValue()));
                assertThat(letter).as("dead letter of the %s file", unreadable.getKey()).isNotNull();
                assertThat(letter.getStage()).isEqualTo("parse");
                assertThat(letter.getSourceUrl()).matches(".*/files/nb2024\\.(ofd|wps)");
                assertThat(letter.getErrorType()).isEqualTo("UNREADABLE_DOCUMENT");
                assertThat(letter.getReason()).contains(unreadable.getKey() + " document");
                System.out.println("[crawl-e2e] " + letter.getSourceUrl() + " → " + letter.getErrorType() + ": " + letter.getReason());
            }
        });

        // Real department pages of a county-level site, crawled from a source that declares the county: each is stored
        // with the agency and the county the page itself names (they were stored with agency null before).
        for (String page : COUNTY_PAGES) {
            JsonNode truth = JSON.readTree(REAL_PAGES.resolve(page + ".truth.json").toFile());
            JsonNode stored = awaitStored(pages.get("/pingtan/" + page + ".html"));
            assertThat(stored.path("agency").asText()).as(page).contains(truth.path("agencyContains").asText());
            assertThat(stored.path("year").asInt()).as(page).isEqualTo(truth.path("year").asInt());
            assertThat(stored.path("division").path("countyCode").asText()).as(page).isEqualTo(COUNTY_CODE);
            assertThat(stored.path("applications").path("newApplications"))
                    .as(page).isEqualTo(truth.path("applications").path("newApplications"));
        }

        Map<String, Long> published = topics.all(Topics.RAW, new RawReportDeserializer()).stream()
                .filter(r -> "crawl".equals(r.getOrigin()))
                .collect(Collectors.groupingBy(RawReport::getReportId, Collectors.counting()));
        assertThat(published).as("each report published once, or once more when the kill came between publishing and remembering it")
                .hasSize(HTML_REPORTS + ATTACHED_REPORTS + COUNTY_PAGES.size()).allSatisfy((id, times) -> assertThat(times).isBetween(1L, 2L));

        PipelineClient.Response status = client.sourceStatus("e2e-county");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("lastCrawl").isNull()).isFalse();
        assertThat(status.body().path("reportsFound").asInt()).isEqualTo(HTML_REPORTS + ATTACHED_REPORTS);
    }

    private JsonNode awaitStored(byte[] document) {
        String id = sha256(document);
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> client.report(id), response -> response.status() == 200).body();
    }

    private static byte[] resource(String name) {
        try (var in = CrawlEndToEndIT.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = pages.get(path);
        if (path.startsWith("/art/") && articlesServed.incrementAndGet() > ARTICLES_BEFORE_THE_KILL) {
            try {
                ingestKilled.await(WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String type = path.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
        exchange.getResponseHeaders().add("Content-Type", body == null ? "text/plain" : type);
        if (path.equals("/download.jsp")) {
            // A download script: the file's name only in the header.
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"nb2024.pdf\"");
        }
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (body != null) {
                out.write(body);
            }
        }
    }

    private static byte[] ofd() {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] wps() {
        byte[] head = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] marker = "WpsDocument 某乡2024年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_16LE);
        byte[] wps = new byte[512 + marker.length];
        System.arraycopy(head, 0, wps, 0, head.length);
        System.arraycopy(marker, 0, wps, 512, marker.length);
        return wps;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
