package io.nianbao.crawler;

import java.time.Instant;
import java.util.List;

/**
 * What one crawl of a source did.
 *
 * @param blocked the anti-bot wall met, or null; a blocked source waits for manual upload
 */
public record CrawlResult(String sourceId, Instant startedAt, Instant finishedAt, int pagesFetched, int reportsFound,
                          int published, List<String> errors, String blocked) {
    public boolean succeeded() {
        return blocked == null && errors.isEmpty();
    }
}
