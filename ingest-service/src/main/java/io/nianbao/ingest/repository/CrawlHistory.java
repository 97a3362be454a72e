package io.nianbao.ingest.repository;

import java.time.Instant;
import java.util.List;

/**
 * What the crawls of a source did so far, as the last crawl's lease holder wrote it to crawl.status.
 *
 * @param lastErrors the reasons of the last crawl's failed pages
 * @param blocked    the anti-bot wall the last crawl met: the source waits for manual upload
 * @param crawledOn  the instance that ran the last crawl
 */
public record CrawlHistory(Instant lastCrawl, Instant lastSuccess, int pagesFetched, int reportsFound, int published,
                           long publishedTotal, List<String> lastErrors, String blocked, String crawledOn) {
    public static final CrawlHistory NEVER = new CrawlHistory(null, null, 0, 0, 0, 0, List.of(), null, null);

    public CrawlHistory {
        lastErrors = lastErrors == null ? List.of() : List.copyOf(lastErrors);
    }
}
