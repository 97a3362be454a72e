package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class CrawlerTests {
    static final CrawlerSettings LOOPBACK = new CrawlerSettings(CrawlerSettings.USER_AGENT, Duration.ofMillis(500),
            1 << 20, Duration.ZERO, 1, Duration.ofMillis(10), true);

    private FakeGovernmentSite site;
    private final List<FoundReport> published = new ArrayList<>();
    private final ReportSink sink = (source, report) -> published.add(report);
    private final CrawlState state = new InMemoryCrawlState();

    @BeforeEach
    void startSite() throws IOException {
        site = new FakeGovernmentSite();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Source source() {
        return new Source("yanchi", "盐池县人民政府", "64", "640323", null, List.of(site.listUrl()), 5, null, List.of(), 24);
    }

    @Test
    void firstCrawlPublishesExactlyTheReportsOnTheSite() {
        CrawlResult result = new Crawler(LOOPBACK).crawl(source(), state, sink);

        assertThat(result.blocked()).isNull();
        assertThat(published).extracting(FoundReport::title).containsExactlyInAnyOrder(
                "盐池县2023年政府信息公开工作年度报告",
                "花马池镇2023年政府信息公开工作年度报告",
                "花马池镇2023年政府信息公开工作年度报告",
                "青山乡2022年政府信息公开工作年度报告",
                "高沙窝镇2022年政府信息公开工作年度报告");
        assertThat(published).hasSize(FakeGovernmentSite.REPORTS).allMatch(r -> !r.changedAfterPublication());
        assertThat(result.published()).isEqualTo(FakeGovernmentSite.REPORTS);

        FoundReport html = byUrlEnd("/art/2024/1/16/art_1.html");
        assertThat(html.kind()).isEqualTo("html");
        assertThat(html.listedDate()).isEqualTo("2024-01-16");
        assertThat(new String(html.content(), FakeGovernmentSite.GBK)).contains("盐池县2023年政府信息公开工作年度报告");

        assertThat(byUrlEnd("/files/report2.pdf").content()).isEqualTo(FakeGovernmentSite.PDF);
        assertThat(byUrlEnd("/files/report2.pdf").kind()).isEqualTo("pdf");
        FoundReport doc = byUrlEnd("/download.jsp?id=3");
        assertThat(doc.kind()).isEqualTo("doc");
        assertThat(doc.fileName()).isEqualTo("年报.doc");
        assertThat(doc.content()).isEqualTo(FakeGovernmentSite.DOC);
        assertThat(doc.sha256()).isEqualTo(Crawler.sha256(FakeGovernmentSite.DOC));

        // Followed a 302 and then a meta refresh; the date was printed as 2023年01月30日.
        FoundReport moved = byUrlEnd("/art/3.html");
        assertThat(moved.listedDate()).isEqualTo("2023-01-30");
        assertThat(byUrlEnd("/files/gsw.pdf").listedDate()).isEqualTo("2023-03-30");

        assertThat(result.errors()).hasSize(4)
                .anyMatch(e -> e.contains("/art/missing.html") && e.contains("HTTP 404"))
                .anyMatch(e -> e.contains("/files/broken.pdf") && e.contains("HTTP 404"))
                .anyMatch(e -> e.contains("/slow/nb.html") && e.contains("failed after 2 attempts"))
                .anyMatch(e -> e.contains("robots.txt") && e.contains("/private/nb.html"));
    }

    @Test
    void hanwebDataproxyAndPageNumberListsAreFollowedToTheirLastReport() {
        Source columns = new Source("columns", "某县", "33", null, null, List.of(site.hanwebListUrl(), site.pagedListUrl()), 10,
                null, List.of(), 24);

        CrawlResult result = new Crawler(LOOPBACK).crawl(columns, state, sink);

        assertThat(result.errors()).isEmpty();
        assertThat(published).hasSize(FakeGovernmentSite.HANWEB_REPORTS + FakeGovernmentSite.PAGED_REPORTS);
        assertThat(published).extracting(FoundReport::url).filteredOn(u -> u.contains("/art/hw/"))
                .hasSize(FakeGovernmentSite.HANWEB_REPORTS);
        assertThat(published).extracting(FoundReport::url).noneMatch(u -> u.contains("/gate/big5/"));
        assertThat(byUrlEnd("/art/hw/8.html").listedDate()).isEqualTo("2024-01-08");
    }

    @Test
    void secondCrawlOfAnUnchangedSitePublishesNothing() {
        Crawler crawler = new Crawler(LOOPBACK);
        crawler.crawl(source(), state, sink);
        published.clear();

        CrawlResult second = crawler.crawl(source(), state, sink);

        assertThat(published).isEmpty();
        assertThat(second.published()).isZero();
        assertThat(second.reportsFound()).isEqualTo(FakeGovernmentSite.REPORTS);
    }

    @Test
    void reportChangedAfterPublicationIsPublishedOnceMoreAndSaysSo() {
        Crawler crawler = new Crawler(LOOPBACK);
        crawler.crawl(source(), state, sink);
        published.clear();
        byte[] corrected = "%PDF-1.4\n更正后的花马池镇年报".getBytes(StandardCharsets.UTF_8);
        site.changeAttachment(corrected);
        site.changeListedDateOfDirectPdf("2023-04-02");

        crawler.crawl(source(), state, sink);

        assertThat(published).hasSize(2).allMatch(FoundReport::changedAfterPublication);
        FoundReport pdf = byUrlEnd("/files/report2.pdf");
        assertThat(pdf.content()).isEqualTo(corrected);
        assertThat(pdf.previousSha256()).isEqualTo(Crawler.sha256(FakeGovernmentSite.PDF));
        assertThat(pdf.change()).isEqualTo("content changed after publication");
        FoundReport redated = byUrlEnd("/files/gsw.pdf");
        assertThat(redated.listedDate()).isEqualTo("2023-04-02");
        assertThat(redated.change()).isEqualTo("listed date changed after publication");

        published.clear();
        crawler.crawl(source(), state, sink);
        assertThat(published).isEmpty();
    }

    @Test
    void reportWhosePublishingFailedIsPublishedByTheNextCrawl() {
        Crawler crawler = new Crawler(LOOPBACK);
        CrawlResult failed = crawler.crawl(source(), state, (source, report) -> {
            throw new IllegalStateException("broker down");
        });
        assertThat(failed.published()).isZero();
        assertThat(failed.errors()).anyMatch(e -> e.contains("broker down"));

        crawler.crawl(source(), state, sink);

        assertThat(published).hasSize(FakeGovernmentSite.REPORTS);
    }

    @Test
    void loopbackSiteIsRefusedUnlessPrivateAddressesAreAllowed() {
        CrawlResult result = new Crawler(LOOPBACK.withAllowPrivate(false)).crawl(source(), state, sink);

        assertThat(published).isEmpty();
        assertThat(result.errors()).singleElement().asString()
                .contains("internal address 127.0.0.1").contains("refused");
    }

    @Test
    void linksToOtherHostsAreNotFollowed() {
        // Crawled by the name localhost, the site's absolute link to 127.0.0.1 points to another host.
        String elsewhere = site.base() + "/art/p9.html";
        site.listReport("别处镇2023年政府信息公开工作年度报告", elsewhere);
        Source localhost = new Source("localhost", "本地", "64", null, null,
                List.of(site.listUrl().replace("127.0.0.1", "localhost")), 5, null, List.of(), 24);

        CrawlResult result = new Crawler(LOOPBACK).crawl(localhost, state, sink);

        assertThat(published).hasSize(FakeGovernmentSite.REPORTS).allMatch(r -> r.url().contains("//localhost:"));
        assertThat(result.errors()).anyMatch(error -> error.contains(elsewhere)
                && error.contains("host 127.0.0.1 is not one of this source's hosts"));
        assertThat(site.hostsAsked()).isNotEmpty().allMatch(host -> host.startsWith("localhost:"));
    }

    @Test
    void antiBotWallMarksTheSourceBlockedWithoutRetryingIt() throws IOException {
        HttpServer wall = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] hits = {0};
        wall.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            hits[0]++;
            byte[] body = "<html><script>var _0x1=['\\x63'];eval(_0x1)</script></html>".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Set-Cookie", "__jsluid_h=abc; path=/");
            exchange.sendResponseHeaders(521, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        wall.start();
        try {
            String url = "http://127.0.0.1:" + wall.getAddress().getPort() + "/zfxxgk/nb/index.html";
            Source walled = new Source("walled", "加速乐", "41", null, null, List.of(url), 5, null, List.of(), 24);

            CrawlResult result = new Crawler(LOOPBACK).crawl(walled, state, sink);

            assertThat(result.blocked()).contains("HTTP 521");
            assertThat(result.succeeded()).isFalse();
            assertThat(hits[0]).isEqualTo(1);
            assertThat(published).isEmpty();
        } finally {
            wall.stop(0);
        }
    }

    private FoundReport byUrlEnd(String end) {
        return published.stream().filter(r -> r.url().endsWith(end)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing published from " + end + " in " + published.stream().map(FoundReport::url).toList()));
    }
}
