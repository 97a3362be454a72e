package io.nianbao.crawler;

/**
 * Thrown by a {@link ReportSink} that must not take any more reports in this crawl (e.g. the instance lost its
 * lease on the source): the crawl ends at once, with the reason among its errors.
 */
public class CrawlStoppedException extends Exception {
    public CrawlStoppedException(String reason) {
        super(reason);
    }
}
