package io.nianbao.crawler;

import java.util.Optional;

/** The crawler's memory of published documents, shared by all instances in production. */
public interface CrawlState {
    Optional<PageState> get(String url);

    /** Called only after the document was published, so a crash in between re-publishes rather than loses it. */
    void put(String url, PageState state);
}
