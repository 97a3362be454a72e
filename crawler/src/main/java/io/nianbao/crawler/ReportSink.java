package io.nianbao.crawler;

/** Where found reports go; returns only once the report is safely stored (or throws). */
@FunctionalInterface
public interface ReportSink {
    void publish(Source source, FoundReport report) throws Exception;
}
