package io.nianbao.crawler;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** State for one process: dry runs and tests. */
public final class InMemoryCrawlState implements CrawlState {
    private final Map<String, PageState> pages = new ConcurrentHashMap<>();

    @Override
    public Optional<PageState> get(String url) {
        return Optional.ofNullable(pages.get(url));
    }

    @Override
    public void put(String url, PageState state) {
        pages.put(url, state);
    }
}
