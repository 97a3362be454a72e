package io.nianbao.ingest.service;

import java.time.Instant;
import java.util.List;

import io.nianbao.ingest.repository.CrawlHistory;

/**
 * What {@code GET /api/sources/{id}/status} shows: the shared history of the source's crawls, whichever instance
 * ran them, and who crawls it now.
 *
 * @param crawledBy     whether this instance's provinces include the source
 * @param crawling      a crawl is running now, on this or another instance
 * @param crawlingOn    the instance holding the source's lease now, or null
 * @param lastErrors    the reasons of the last crawl's failed pages
 * @param blocked       the anti-bot wall the last crawl met: the source waits for manual upload
 * @param lastCrawledOn the instance that ran the last crawl
 */
public record SourceStatus(String sourceId, boolean crawledBy, boolean crawling, String crawlingOn, Instant lastCrawl,
                           Instant lastSuccess, int pagesFetched, int reportsFound, int published, long publishedTotal,
                           List<String> lastErrors, String blocked, String lastCrawledOn) {

    static SourceStatus of(String sourceId, boolean ours, String crawlingOn, CrawlHistory history) {
        return new SourceStatus(sourceId, ours, crawlingOn != null, crawlingOn, history.lastCrawl(), history.lastSuccess(),
                history.pagesFetched(), history.reportsFound(), history.published(), history.publishedTotal(),
                history.lastErrors(), history.blocked(), history.crawledOn());
    }
}
