package io.nianbao.crawler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * HTTP GET with the crawler's manners: honest User-Agent, timeouts, a byte cap, retries with doubling backoff,
 * one request at a time per host with a pause between them, and redirects followed by hand so that every hop
 * passes the {@link AddressGuard} again; each request goes to the very address the guard checked.
 */
final class Fetcher {
    private static final int MAX_REDIRECTS = 5;

    private final CrawlerSettings settings;
    private final AddressGuard guard;
    private final Map<String, Semaphore> hostPermits = new ConcurrentHashMap<>();
    private final Map<String, Long> hostNextRequest = new ConcurrentHashMap<>();

    Fetcher(CrawlerSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowPrivate());
    }

    /** @param validators If-None-Match / If-Modified-Since values, or null */
    Fetched get(URI uri, Collection<String> allowedHosts, PageState validators) throws FetchException, RefusedUrlException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            InetAddress checked = guard.check(current, allowedHosts);
            Fetched fetched = withRetries(current, checked, hop == 0 ? validators : null);
            if (fetched.status() >= 300 && fetched.status() < 400 && fetched.status() != 304) {
                String location = fetched.header("Location");
                if (location == null) {
                    throw new FetchException("HTTP " + fetched.status() + " without a Location from " + current);
                }
                current = current.resolve(location.trim());
                continue;
            }
            return fetched;
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private Fetched withRetries(URI uri, InetAddress address, PageState validators) throws FetchException {
        long backoff = settings.backoff().toMillis();
        String lastFailure = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                sleep(backoff);
                backoff *= 2;
            }
            try {
                Fetched fetched = once(uri, address, validators);
                // 5xx is often a passing overload; 521 is an anti-bot wall, retrying it would only hammer the site.
                if (fetched.status() >= 500 && fetched.status() != 521) {
                    lastFailure = "HTTP " + fetched.status();
                    continue;
                }
                return fetched;
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new FetchException(uri + " failed after " + (settings.retries() + 1) + " attempts: " + lastFailure);
    }

    private Fetched once(URI uri, InetAddress address, PageState validators) throws IOException, FetchException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", settings.userAgent());
        headers.put("Accept-Language", "zh-CN,zh;q=0.9");
        if (validators != null && validators.etag() != null) {
            headers.put("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            headers.put("If-Modified-Since", validators.lastModified());
        }
        String host = uri.getHost();
        Semaphore permit = hostPermits.computeIfAbsent(host, h -> new Semaphore(1));
        permit.acquireUninterruptibly();
        try {
            waitForTurn(host);
            return PinnedHttp.get(uri, address, headers, settings.timeout(), settings.maxBytes());
        } finally {
            hostNextRequest.put(host, System.currentTimeMillis() + settings.perHostDelay().toMillis());
            permit.release();
        }
    }

    private void waitForTurn(String host) {
        long wait = hostNextRequest.getOrDefault(host, 0L) - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
