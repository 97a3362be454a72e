package io.nianbao.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.nianbao.ingest.repository.StoreUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Continuous ingestion: every tick, the due sources of our provinces are crawled, one after the other. */
@ApplicationScoped
public class CrawlScheduler {
    private static final Logger LOG = Logger.getLogger(CrawlScheduler.class);

    private final CrawlService crawls;
    private final boolean enabled;
    private final Duration tick;
    private ScheduledExecutorService timer;

    public CrawlScheduler(CrawlService crawls,
                          @ConfigProperty(name = "nianbao.crawl.enabled") boolean enabled,
                          @ConfigProperty(name = "nianbao.crawl.tick") Duration tick) {
        this.crawls = crawls;
        this.enabled = enabled;
        this.tick = tick;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("scheduled crawling is off (nianbao.crawl.enabled=false); crawls run only on request");
            return;
        }
        LOG.infof("crawling the sources of %s every %s when due", crawls.shard().describe(), tick);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "crawl-scheduler"));
        timer.scheduleWithFixedDelay(this::round, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            crawls.crawlDue(Instant.now());
        } catch (StoreUnavailableException e) {
            LOG.errorf("crawl round skipped: %s", e.getMessage());
        } catch (RuntimeException e) {
            // The next tick tries again; a dead timer thread would end continuous ingestion silently.
            LOG.errorf(e, "crawl round failed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
