package io.nianbao.crawler;

import java.time.Duration;

/**
 * How politely and how safely the crawler fetches.
 *
 * @param userAgent      sent with every request, so a webmaster knows who is calling and how to reach us
 * @param timeout        per request (connect and the whole response)
 * @param maxBytes       a response larger than this is refused, not truncated
 * @param perHostDelay   pause between two requests to one host
 * @param retries        further attempts after a network error or a 5xx, with doubling backoff
 * @param backoff        the first backoff
 * @param allowPrivate   allow loopback, private and link-local addresses (tests, dry runs on a local mirror)
 */
public record CrawlerSettings(String userAgent, Duration timeout, long maxBytes, Duration perHostDelay, int retries,
                              Duration backoff, boolean allowPrivate) {
    public static final String USER_AGENT = "nianbao-crawler/0.1 (+https://github.com/nianbao; annual-report research; polite)";

    public static CrawlerSettings defaults() {
        return new CrawlerSettings(USER_AGENT, Duration.ofSeconds(30), 32L * 1024 * 1024, Duration.ofSeconds(2), 2,
                Duration.ofSeconds(1), false);
    }

    public CrawlerSettings withAllowPrivate(boolean allow) {
        return new CrawlerSettings(userAgent, timeout, maxBytes, perHostDelay, retries, backoff, allow);
    }
}
