package io.nianbao.ingest.service;

import java.time.Instant;
import java.util.List;

import io.nianbao.crawler.CrawlResult;

/**
 * What {@code GET /api/sources/{id}/status} shows.
 *
 * @param crawledBy    whether this instance's provinces include the source
 * @param crawling     a crawl is running now
 * @param lastErrors   the reasons of the last crawl's failed pages
 * @param blocked      the anti-bot wall the last crawl met: the source waits for manual upload
 */
public record SourceStatus(String sourceId, boolean crawledBy, boolean crawling, Instant lastCrawl, Instant lastSuccess,
                           int pagesFetched, int reportsFound, int published, long publishedTotal,
                           List<String> lastErrors, String blocked) {

    static SourceStatus never(String sourceId, boolean ours) {
        return new SourceStatus(sourceId, ours, false, null, null, 0, 0, 0, 0, List.of(), null);
    }

    SourceStatus after(CrawlResult result) {
        return new SourceStatus(sourceId, crawledBy, false, result.finishedAt(),
                result.succeeded() ? result.finishedAt() : lastSuccess, result.pagesFetched(), result.reportsFound(),
                result.published(), publishedTotal + result.published(), result.errors(), result.blocked());
    }

    SourceStatus crawling(boolean now, boolean ours) {
        return new SourceStatus(sourceId, ours, now, lastCrawl, lastSuccess, pagesFetched, reportsFound, published,
                publishedTotal, lastErrors, blocked);
    }
}
