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
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.crawler.CrawlResult;
import io.nianbao.crawler.Crawler;
import io.nianbao.crawler.CrawlerSettings;
import io.nianbao.crawler.FoundReport;
import io.nianbao.crawler.Source;
import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.ingest.repository.SourceRepository;
import io.nianbao.ingest.repository.TopicCrawlState;
import io.nianbao.schema.RawReport;

/**
 * Crawls the sources of this instance's provinces and writes what they publish to reports.raw (origin crawl).
 * One crawl per source at a time in this instance; across instances, disjoint INGEST_PROVINCES keep them apart.
 */
@ApplicationScoped
public class CrawlService {
    static final String ORIGIN = "crawl";
    static final String RUNS = "nianbao.crawl.runs";
    static final String PUBLISHED = "nianbao.crawl.reports.published";
    static final String PAGES = "nianbao.crawl.pages";
    static final String ERRORS = "nianbao.crawl.errors";
    static final String LAST_SUCCESS = "nianbao.crawl.last.success";
    private static final Logger LOG = Logger.getLogger(CrawlService.class);

    private final Crawler crawler;
    private final SourceRepository sources;
    private final TopicCrawlState state;
    private final RawReportProducer producer;
    private final Shard shard;
    private final MeterRegistry registry;
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();

    public CrawlService(SourceRepository sources, TopicCrawlState state, RawReportProducer producer, MeterRegistry registry,
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
            throw new SourceException(SourceException.Problem.NOT_OURS, "Source " + id + " is in province "
                    + source.province() + "; this instance crawls " + shard.describe() + ".");
        }
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new SourceException(SourceException.Problem.BUSY, "Source " + id + " is being crawled right now.");
        }
        try {
            return crawl(source);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The scheduled round: every source of our provinces whose schedule is due and that is not blocked.
     * @return the ids crawled
     */
    public List<String> crawlDue(Instant now) {
        List<String> crawled = new ArrayList<>();
        for (Source source : sources.all()) {
            SourceStatus status = status(source.id());
            boolean due = status.lastCrawl() == null
                    || status.lastCrawl().plus(Duration.ofHours(source.scheduleHours())).isBefore(now);
            if (!shard.owns(source.province()) || !due || status.blocked() != null) {
                continue;
            }
            ReentrantLock lock = locks.computeIfAbsent(source.id(), k -> new ReentrantLock());
            if (lock.tryLock()) {
                try {
                    crawl(source);
                    crawled.add(source.id());
                } finally {
                    lock.unlock();
                }
            }
        }
        return crawled;
    }

    public SourceStatus status(String id) {
        boolean ours = sources.find(id).map(s -> shard.owns(s.province())).orElse(false);
        SourceStatus status = statuses.getOrDefault(id, SourceStatus.never(id, ours));
        ReentrantLock lock = locks.get(id);
        return status.crawling(lock != null && lock.isLocked(), ours);
    }

    private CrawlResult crawl(Source source) {
        statuses.putIfAbsent(source.id(), SourceStatus.never(source.id(), true));
        state.refresh();
        CrawlResult result = crawler.crawl(source, state, this::publish);
        statuses.compute(source.id(), (id, before) -> before.after(result));
        record(source, result);
        return result;
    }

    private void publish(Source source, FoundReport found) {
        RawReport report = RawReport.newBuilder()
                .setReportId(ReportIds.of(found.content()))
                .setContent(ByteBuffer.wrap(found.content()))
                .setMediaType(sniffer.identify(found.content()))
                .setFileName(found.fileName())
                .setSourceUrl(found.url())
                .setProvinceHint(source.province())
                .setOrigin(ORIGIN)
                .setPageTitle(found.title())
                .setListedDate(found.listedDate())
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        if (found.changedAfterPublication()) {
            LOG.warnf("%s: %s %s (was %s)", source.id(), found.url(), found.change(), found.previousSha256());
            producer.publish(report, Map.of(RawReportProducer.CHANGED_AFTER_PUBLICATION,
                    found.change() + "; previous sha256 " + found.previousSha256()));
        } else {
            producer.publish(report);
        }
        registry.counter(PUBLISHED, "source", source.id(), "changed", Boolean.toString(found.changedAfterPublication())).increment();
    }

    private void record(Source source, CrawlResult result) {
        String outcome = result.blocked() != null ? "blocked" : result.errors().isEmpty() ? "success" : "errors";
        registry.counter(RUNS, "source", source.id(), "outcome", outcome).increment();
        registry.counter(PAGES, "source", source.id()).increment(result.pagesFetched());
        registry.counter(ERRORS, "source", source.id()).increment(result.errors().size());
        Gauge.builder(LAST_SUCCESS, statuses, s -> {
            SourceStatus status = s.get(source.id());
            return status == null || status.lastSuccess() == null ? Double.NaN : status.lastSuccess().getEpochSecond();
        }).tag("source", source.id()).description("epoch seconds of the last crawl without errors").register(registry);
        if (result.blocked() != null) {
            LOG.errorf("source %s is blocked by an anti-bot wall, upload its reports by hand: %s", source.id(), result.blocked());
        } else if (!result.errors().isEmpty()) {
            LOG.warnf("source %s: %d pages failed, first: %s", source.id(), result.errors().size(), result.errors().get(0));
        }
    }
}
