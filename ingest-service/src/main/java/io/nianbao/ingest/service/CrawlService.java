package io.nianbao.ingest.service;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.crawler.CrawlResult;
import io.nianbao.crawler.CrawlStoppedException;
import io.nianbao.crawler.Crawler;
import io.nianbao.crawler.CrawlerSettings;
import io.nianbao.crawler.FoundReport;
import io.nianbao.crawler.Source;
import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.ingest.repository.CrawlHistories;
import io.nianbao.ingest.repository.CrawlHistory;
import io.nianbao.ingest.repository.SourceLease;
import io.nianbao.ingest.repository.SourceLeases;
import io.nianbao.ingest.repository.SourceRepository;
import io.nianbao.ingest.repository.StoreUnavailableException;
import io.nianbao.ingest.repository.TopicCrawlState;
import io.nianbao.schema.RawReport;
import io.opentelemetry.context.Context;

/**
 * Crawls the sources of this instance's provinces and writes what they publish to reports.raw (origin crawl).
 * A source is crawled only under its lease in crawl.leases, so two instances never crawl it at once, whatever
 * their provinces; its history goes to crawl.status, shared by all instances.
 */
@ApplicationScoped
public class CrawlService {
    static final String ORIGIN = "crawl";
    static final String RUNS = "nianbao.crawl.runs";
    static final String PUBLISHED = "nianbao.crawl.reports.published";
    static final String PAGES = "nianbao.crawl.pages";
    static final String FOUND = "nianbao.crawl.reports.found";
    static final String ERRORS = "nianbao.crawl.errors";
    static final String LAST_SUCCESS = "nianbao.crawl.last.success";
    private static final Logger LOG = Logger.getLogger(CrawlService.class);

    private final Crawler crawler;
    private final SourceRepository sources;
    private final TopicCrawlState state;
    private final CrawlHistories histories;
    private final SourceLeases leases;
    private final RawReportProducer producer;
    private final Shard shard;
    private final MeterRegistry registry;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    /** Threads of this instance: the lease is per instance, so they take turns on a source here first. */
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "crawl-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    public CrawlService(SourceRepository sources, TopicCrawlState state, CrawlHistories histories, SourceLeases leases,
                        RawReportProducer producer, MeterRegistry registry,
                        @ConfigProperty(name = "nianbao.crawl.provinces") Optional<List<String>> provinces,
                        @ConfigProperty(name = "nianbao.crawl.user-agent") String userAgent,
                        @ConfigProperty(name = "nianbao.crawl.timeout") Duration timeout,
                        @ConfigProperty(name = "nianbao.ingest.max-upload-bytes") long maxBytes,
                        @ConfigProperty(name = "nianbao.crawl.per-host-delay") Duration perHostDelay,
                        @ConfigProperty(name = "nianbao.crawl.retries") int retries,
                        @ConfigProperty(name = "nianbao.crawl.backoff") Duration backoff,
                        @ConfigProperty(name = "nianbao.crawl.allow-private") boolean allowPrivate) {
        this.sources = sources;
        this.state = state;
        this.histories = histories;
        this.leases = leases;
        this.producer = producer;
        this.registry = registry;
        this.shard = Shard.of(provinces.orElse(List.of()));
        // The byte cap is the upload limit: whatever the crawler fetches must fit in a reports.raw record.
        this.crawler = new Crawler(new CrawlerSettings(userAgent, timeout, maxBytes, perHostDelay, retries, backoff, allowPrivate));
    }

    public Shard shard() {
        return shard;
    }

    /** Crawls one source now (admin API, {@code nianbao crawl SOURCE}). */
    public CrawlResult crawlNow(String id) {
        Source source = sources.find(id).orElseThrow(() -> SourceService.notFound(id));
        if (!shard.owns(source.province())) {
            throw new SourceException(RequestRejection.SOURCE_OF_OTHER_INSTANCE, "Source " + id + " is in province "
                    + source.province() + "; this instance crawls " + shard.describe() + ".");
        }
        return exclusively(source, history -> true).orElseThrow(() -> new SourceException(RequestRejection.CRAWL_IN_PROGRESS,
                "Source " + id + " is being crawled right now" + leases.current(id)
                        .map(lease -> " by instance " + lease.owner() + " (lease until " + lease.expiresAt() + ")")
                        .orElse("") + "."));
    }

    /**
     * The scheduled round: every source of our provinces whose schedule is due, that is not blocked and that no
     * other instance is crawling.
     * @return the ids crawled
     */
    public List<String> crawlDue(Instant now) {
        List<String> crawled = new ArrayList<>();
        for (Source source : sources.all()) {
            if (!shard.owns(source.province())) {
                continue;
            }
            Predicate<CrawlHistory> due = history -> history.blocked() == null && (history.lastCrawl() == null
                    || history.lastCrawl().plus(Duration.ofHours(source.scheduleHours())).isBefore(now));
            // Asked again under the lease: another instance may have crawled it in between.
            if (due.test(histories.of(source.id())) && exclusively(source, due).isPresent()) {
                crawled.add(source.id());
            }
        }
        return crawled;
    }

    public SourceStatus status(String id) {
        boolean ours = sources.find(id).map(s -> shard.owns(s.province())).orElse(false);
        String crawlingOn = leases.current(id).map(SourceLease::owner).orElse(null);
        return SourceStatus.of(id, ours, crawlingOn, histories.of(id));
    }

    /**
     * @param wanted whether the source's history, as read under the lease, still calls for a crawl
     * @return the crawl's result, or empty when another thread or instance holds the source or it is not wanted
     */
    private Optional<CrawlResult> exclusively(Source source, Predicate<CrawlHistory> wanted) {
        ReentrantLock lock = locks.computeIfAbsent(source.id(), k -> new ReentrantLock());
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            Instant asked = Instant.now();
            if (!leases.claim(source.id())) {
                return Optional.empty();
            }
            LeaseKeeper keeper = new LeaseKeeper(source.id(), asked);
            try {
                CrawlHistory before = histories.of(source.id());
                return wanted.test(before) ? Optional.of(crawl(source, keeper, before)) : Optional.empty();
            } finally {
                keeper.stop();
                release(source.id());
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(String sourceId) {
        try {
            leases.release(sourceId);
        } catch (StoreUnavailableException e) {
            LOG.warnf("source %s: could not release its lease, it runs out by itself: %s", sourceId, e.getMessage());
        }
    }

    /** @param before the source's history, read under the lease */
    private CrawlResult crawl(Source source, LeaseKeeper keeper, CrawlHistory before) {
        // Another instance may have crawled this source before: its state is the starting point.
        state.refresh();
        CrawlResult result = crawler.crawl(source, state, (s, found) -> {
            keeper.checkHeld();
            publish(s, found);
        });
        record(source, result);
        if (!keeper.held()) {
            LOG.warnf("source %s: the lease was lost during the crawl, its status is left to the new holder", source.id());
            return result;
        }
        try {
            histories.save(source.id(), new CrawlHistory(result.finishedAt(),
                    result.succeeded() ? result.finishedAt() : before.lastSuccess(), result.pagesFetched(),
                    result.reportsFound(), result.published(), before.publishedTotal() + result.published(),
                    result.errors(), result.blocked(), leases.instanceId()));
        } catch (StoreUnavailableException e) {
            // What was found is published already; without its status the source is simply due again.
            LOG.warnf(e, "source %s: crawled, but its status could not be written to the broker", source.id());
        }
        return result;
    }

    /**
     * Renews a source's lease while it is crawled, every third of its time to live. Reports are published only
     * while the last confirmed lease runs, so a holder cut off from the broker stops before another can take over.
     */
    private final class LeaseKeeper {
        private final String sourceId;
        private final ScheduledFuture<?> renewal;
        private volatile Instant confirmedUntil;
        private volatile String lost;

        LeaseKeeper(String sourceId, Instant claimedAt) {
            this.sourceId = sourceId;
            this.confirmedUntil = claimedAt.plus(leases.ttl());
            long period = Math.max(1, leases.ttl().toMillis() / 3);
            this.renewal = renewals.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            Instant asked = Instant.now();
            try {
                if (leases.claim(sourceId)) {
                    confirmedUntil = asked.plus(leases.ttl());
                } else {
                    lost = "instance " + leases.current(sourceId).map(SourceLease::owner).orElse("?") + " took the lease over";
                }
            } catch (RuntimeException e) {
                LOG.warnf("source %s: lease renewal failed, retrying until it runs out at %s: %s", sourceId, confirmedUntil, e.getMessage());
            }
        }

        boolean held() {
            return lost == null && Instant.now().isBefore(confirmedUntil);
        }

        void checkHeld() throws CrawlStoppedException {
            if (!held()) {
                throw new CrawlStoppedException("lost the lease on " + sourceId + ": "
                        + (lost != null ? lost : "not renewed since " + confirmedUntil.minus(leases.ttl())));
            }
        }

        void stop() {
            renewal.cancel(false);
        }
    }

    private void publish(Source source, FoundReport found) {
        RawReport report = RawReport.newBuilder()
                .setReportId(ReportIds.of(found.content()))
                .setContent(ByteBuffer.wrap(found.content()))
                .setMediaType(sniffer.identify(found.content()))
                .setFileName(found.fileName())
                .setSourceUrl(found.url())
                .setProvinceHint(source.province())
                .setDivisionHint(source.division())
                .setAgencyHint(source.agency())
                .setOrigin(ORIGIN)
                .setPageTitle(found.title())
                .setListedDate(found.listedDate())
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setChangedAfterPublication(found.change())
                .setPreviousReportId(found.previousSha256())
                .build();
        if (found.changedAfterPublication()) {
            LOG.warnf("%s: %s %s (was %s)", source.id(), found.url(), found.change(), found.previousSha256());
        }
        // A trace of its own: one per document, not one per crawl run.
        producer.publish(report, Context.root());
        registry.counter(PUBLISHED, "source", source.id(), "changed", Boolean.toString(found.changedAfterPublication())).increment();
    }

    private void record(Source source, CrawlResult result) {
        String outcome = result.blocked() != null ? "blocked" : result.errors().isEmpty() ? "success" : "errors";
        registry.counter(RUNS, "source", source.id(), "outcome", outcome).increment();
        registry.counter(PAGES, "source", source.id()).increment(result.pagesFetched());
        registry.counter(FOUND, "source", source.id()).increment(result.reportsFound());
        registry.counter(ERRORS, "source", source.id()).increment(result.errors().size());
        Gauge.builder(LAST_SUCCESS, histories, h -> {
            Instant lastSuccess = h.lastRead(source.id()).lastSuccess();
            return lastSuccess == null ? Double.NaN : lastSuccess.getEpochSecond();
        }).tag("source", source.id()).description("epoch seconds of the last crawl without errors, by any instance").register(registry);
        if (result.blocked() != null) {
            LOG.errorf("source %s is blocked by an anti-bot wall, upload its reports by hand: %s", source.id(), result.blocked());
        } else if (!result.errors().isEmpty()) {
            LOG.warnf("source %s: %d pages failed, first: %s", source.id(), result.errors().size(), result.errors().get(0));
        }
    }

    @PreDestroy
    void stopRenewals() {
        renewals.shutdownNow();
    }
}
