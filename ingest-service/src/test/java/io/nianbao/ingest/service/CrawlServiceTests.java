package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.crawler.CrawlResult;
import io.nianbao.crawler.FakeGovernmentSite;
import io.nianbao.ingest.producer.BrokerStandIn;
import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.ingest.repository.CrawlHistories;
import io.nianbao.ingest.repository.CrawlTopics;
import io.nianbao.ingest.repository.SourceLeases;
import io.nianbao.ingest.repository.SourceRepository;
import io.nianbao.ingest.repository.TopicCrawlState;
import io.nianbao.schema.RawReport;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.smallrye.reactive.messaging.TracingMetadata;

/** Instances side by side, as in production, with the crawl topics shared between them. */
class CrawlServiceTests {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private int instances;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private FakeGovernmentSite site;
    private Path sourcesFile;
    /** What the instances made from now on trace with. */
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();

    @TempDir
    Path dir;

    @BeforeEach
    void startSite() throws IOException {
        site = new FakeGovernmentSite();
        sourcesFile = dir.resolve("sources.json");
        Files.writeString(sourcesFile, """
                [{"id": "nx-site", "name": "宁夏某县", "province": "64", "division": "640323", "agency": "盐池县人民政府",
                  "listUrls": ["%1$s"]},
                 {"id": "ha-site", "name": "河南某县", "province": "41", "listUrls": ["%2$s"]}]
                """.formatted(site.listUrl(), site.listUrl().replace("127.0.0.1", "localhost")));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void twoInstancesWithDifferentProvincesSplitTheSources() {
        CrawlTopics shared = topics();
        BrokerStandIn ningxiaOut = BrokerStandIn.acknowledging();
        BrokerStandIn henanOut = BrokerStandIn.acknowledging();
        CrawlService ningxia = instance(shared, ningxiaOut, "64");
        CrawlService henan = instance(shared, henanOut, "41");

        assertThat(ningxia.crawlDue(Instant.now())).containsExactly("nx-site");
        assertThat(henan.crawlDue(Instant.now())).containsExactly("ha-site");

        assertThat(ningxiaOut.reports()).hasSize(FakeGovernmentSite.REPORTS).allSatisfy(report -> {
            assertThat(report.getProvinceHint()).isEqualTo("64");
            assertThat(report.getDivisionHint()).isEqualTo("640323");
            assertThat(report.getAgencyHint()).isEqualTo("盐池县人民政府");
        });
        assertThat(henanOut.reports()).hasSize(FakeGovernmentSite.REPORTS).allSatisfy(report -> {
            assertThat(report.getProvinceHint()).isEqualTo("41");
            assertThat(report.getDivisionHint()).isNull();
            assertThat(report.getAgencyHint()).isNull();
        });
        assertThatThrownBy(() -> ningxia.crawlNow("ha-site")).isInstanceOf(SourceException.class)
                .hasMessageContaining("this instance crawls provinces [64]");
        // Not due again before its schedule.
        assertThat(ningxia.crawlDue(Instant.now())).isEmpty();
    }

    @Test
    void instanceThatDiedBeforeTheBrokerAcknowledgedLosesNothingAfterRestart() {
        CrawlTopics shared = topics();
        BrokerStandIn refusing = BrokerStandIn.refusing();
        CrawlService dying = instance(shared, refusing, "64");
        assertThat(dying.crawlNow("nx-site").published()).isZero();

        BrokerStandIn restartedOut = BrokerStandIn.acknowledging();
        CrawlService restarted = instance(shared, restartedOut, "64");
        restarted.crawlNow("nx-site");

        assertThat(restartedOut.sent).hasSize(FakeGovernmentSite.REPORTS);
        assertThat(restarted.status("nx-site").publishedTotal()).isEqualTo(FakeGovernmentSite.REPORTS);
    }

    @Test
    void eachCrawledReportStartsATraceOfItsOwnEvenWhenTheCrawlRunsInOne() {
        openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
        BrokerStandIn out = BrokerStandIn.acknowledging();
        CrawlService crawling = instance(topics(), out, "64");
        // as when POST /api/sources/{id}/crawl asks for it
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /api/sources/nx-site/crawl").startSpan();

        try (Scope current = request.makeCurrent()) {
            crawling.crawlNow("nx-site");
        }

        List<String> traces = out.sent.stream().map(message -> Span.fromContext(message.getMetadata(TracingMetadata.class)
                .orElseThrow().getCurrentContext()).getSpanContext().getTraceId()).toList();
        assertThat(traces).hasSize(FakeGovernmentSite.REPORTS).doesNotHaveDuplicates()
                .doesNotContain(request.getSpanContext().getTraceId());
    }

    @Test
    void malformedProvinceListFailsTheStart() {
        CrawlTopics topics = topics();
        assertThatThrownBy(() -> instance(topics, BrokerStandIn.acknowledging(), "64", "henan"))
                .hasMessageContaining("INGEST_PROVINCES").hasMessageContaining("'henan'");
    }

    @Test
    void instancesWithOverlappingProvincesNeverCrawlASourceTheOtherHolds() {
        CrawlTopics shared = topics();
        SourceLeases elsewhere = new SourceLeases(shared, "instance-elsewhere", LEASE, Clock.systemUTC());
        assertThat(elsewhere.claim("nx-site")).isTrue(); // another instance is in the middle of crawling nx-site
        BrokerStandIn out = BrokerStandIn.acknowledging();
        CrawlService everything = instance(shared, out);

        assertThat(everything.crawlDue(Instant.now())).containsExactly("ha-site");
        assertThatThrownBy(() -> everything.crawlNow("nx-site")).isInstanceOf(SourceException.class)
                .hasMessageContaining("being crawled right now by instance instance-elsewhere");
        assertThat(everything.status("nx-site").crawlingOn()).isEqualTo("instance-elsewhere");
        assertThat(out.reports()).hasSize(FakeGovernmentSite.REPORTS).allMatch(r -> r.getProvinceHint().equals("41"));

        elsewhere.release("nx-site");
        assertThat(everything.crawlDue(Instant.now())).containsExactly("nx-site");
        assertThat(everything.status("nx-site").crawling()).isFalse();
    }

    @Test
    void deadInstancesLeaseRunsOutAndAnotherTakesOver() {
        CrawlTopics shared = topics();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        SourceLeases dead = new SourceLeases(shared, "dead", LEASE, clock);
        SourceLeases survivor = new SourceLeases(shared, "survivor", LEASE, clock);
        assertThat(dead.claim("nx-site")).isTrue();

        clock.advance(LEASE.minusMillis(1));
        assertThat(survivor.claim("nx-site")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(survivor.claim("nx-site")).isTrue();
        assertThat(survivor.current("nx-site")).hasValueSatisfying(lease -> assertThat(lease.owner()).isEqualTo("survivor"));
        // The dead one coming back later cannot renew what is no longer its lease.
        assertThat(dead.claim("nx-site")).isFalse();
    }

    @Test
    void statusIsTheSameOnEveryInstanceAndSurvivesARestart() {
        CrawlTopics shared = topics();
        CrawlService crawling = instance(shared, BrokerStandIn.acknowledging(), "64");
        crawling.crawlNow("nx-site");

        SourceStatus elsewhere = instance(shared, BrokerStandIn.acknowledging(), "41").status("nx-site");
        assertThat(elsewhere.crawledBy()).isFalse();
        assertThat(elsewhere.lastCrawl()).isNotNull();
        assertThat(elsewhere.lastSuccess()).isNull(); // the fake site has a broken link
        assertThat(elsewhere.pagesFetched()).isPositive();
        assertThat(elsewhere.reportsFound()).isGreaterThanOrEqualTo(FakeGovernmentSite.REPORTS);
        assertThat(elsewhere.publishedTotal()).isEqualTo(FakeGovernmentSite.REPORTS);
        assertThat(elsewhere.lastErrors()).anyMatch(e -> e.contains("HTTP 404"));
        assertThat(elsewhere.lastCrawledOn()).startsWith("instance-");

        assertThat(metrics.get(CrawlService.RUNS).tags("source", "nx-site", "outcome", "errors").counter().count()).isEqualTo(1);
        assertThat(metrics.get(CrawlService.PAGES).tags("source", "nx-site").counter().count()).isEqualTo(elsewhere.pagesFetched());
        assertThat(metrics.get(CrawlService.FOUND).tags("source", "nx-site").counter().count()).isEqualTo(elsewhere.reportsFound());
        assertThat(metrics.get(CrawlService.ERRORS).tags("source", "nx-site").counter().count()).isEqualTo(elsewhere.lastErrors().size());
        assertThat(metrics.get(CrawlService.PUBLISHED).tags("source", "nx-site", "changed", "false").counter().count())
                .isEqualTo(FakeGovernmentSite.REPORTS);
        assertThat(metrics.get(CrawlService.LAST_SUCCESS).tags("source", "nx-site").gauge().value()).isNaN();

        CrawlService restarted = instance(shared, BrokerStandIn.acknowledging(), "64");
        assertThat(restarted.crawlDue(Instant.now())).as("not due again before its schedule, by the shared history")
                .doesNotContain("nx-site");
    }

    @Test
    void instanceThatLostItsLeaseMidCrawlStopsPublishingAndLeavesTheStatusToTheNewHolder() {
        CrawlTopics shared = topics();
        // Its clock an hour ahead: to the thief the short lease below has long run out.
        SourceLeases thief = new SourceLeases(shared, "thief", LEASE, new MutableClock(Instant.now().plus(Duration.ofHours(1))));
        // Each renewal the victim makes once the lease is gone: its keeper renews every 100 ms, never two at once.
        Semaphore refusedRenewals = new Semaphore(0);
        SourceLeases victimLeases = new SourceLeases(shared, "instance-" + ++instances, Duration.ofMillis(300),
                Clock.systemUTC()) {
            @Override
            public boolean claim(String sourceId) {
                boolean held = super.claim(sourceId);
                if (!held) {
                    refusedRenewals.release();
                }
                return held;
            }
        };
        BrokerStandIn out = BrokerStandIn.acknowledging();
        out.beforeEachSend = () -> {
            if (out.sent.size() == 1) {
                assertThat(thief.claim("nx-site")).isTrue();
                // A second refused renewal starts only after the first one ended, having noted the loss.
                assertThat(acquire(refusedRenewals, 2)).as("the victim's renewals noticed the loss").isTrue();
            }
        };
        CrawlService victim = instance(shared, out, victimLeases, "64");

        CrawlResult result = victim.crawlNow("nx-site");

        assertThat(result.errors()).contains("crawl stopped: lost the lease on nx-site: instance thief took the lease over");
        assertThat(out.sent).as("the report being sent when the lease went, and none after").hasSize(2);
        SourceStatus status = victim.status("nx-site");
        assertThat(status.lastCrawl()).as("status is the new holder's to write").isNull();
        assertThat(status.crawlingOn()).isEqualTo("thief");
    }

    private static boolean acquire(Semaphore semaphore, int permits) {
        try {
            return semaphore.tryAcquire(permits, 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CrawlTopics topics() {
        return new CrawlTopics("memory", "unused", "crawl.state", "crawl.sources", "crawl.leases", "crawl.status");
    }

    private CrawlService instance(CrawlTopics topics, BrokerStandIn out, String... provinces) {
        return instance(topics, out, LEASE, provinces);
    }

    private CrawlService instance(CrawlTopics topics, BrokerStandIn out, Duration lease, String... provinces) {
        return instance(topics, out, new SourceLeases(topics, "instance-" + ++instances, lease, Clock.systemUTC()),
                provinces);
    }

    private CrawlService instance(CrawlTopics topics, BrokerStandIn out, SourceLeases leases, String... provinces) {
        SourceRepository sources = new SourceRepository(topics, json, Optional.of(sourcesFile));
        RawReportProducer producer = new RawReportProducer(out, Duration.ofSeconds(5), openTelemetry);
        return new CrawlService(sources, new TopicCrawlState(topics, json), new CrawlHistories(topics, json), leases,
                producer, metrics, Optional.of(List.of(provinces)), "nianbao-test",
                Duration.ofMillis(500), 1 << 20, Duration.ZERO, 0, Duration.ofMillis(10), true);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
