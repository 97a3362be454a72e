package io.nianbao.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.crawler.CrawlState;
import io.nianbao.crawler.PageState;

/** The crawler's memory in the compacted topic crawl.state, keyed by document URL. */
@ApplicationScoped
public class TopicCrawlState implements CrawlState {
    private final CompactedTopicMap topic;
    private final ObjectMapper json;

    public TopicCrawlState(CrawlTopics topics, ObjectMapper json) {
        this.topic = topics.state();
        this.json = json;
    }

    /** Before each crawl: another instance may have crawled this source before this one took it over. */
    public void refresh() {
        topic.refresh();
    }

    @Override
    public Optional<PageState> get(String url) {
        return topic.get(url).map(bytes -> {
            try {
                return json.readValue(bytes, PageState.class);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable crawl state for " + url, e);
            }
        });
    }

    @Override
    public void put(String url, PageState state) {
        try {
            topic.put(url, json.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
