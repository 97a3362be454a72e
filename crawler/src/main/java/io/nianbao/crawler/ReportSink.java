package io.nianbao.crawler;

/**
 * Where found reports go; returns only once the report is safely stored (or throws). Any exception but
 * {@link CrawlStoppedException} is one failed report, tried again next crawl; that one ends the crawl.
 */
@FunctionalInterface
public interface ReportSink {
    void publish(Source source, FoundReport report) throws Exception;
}
