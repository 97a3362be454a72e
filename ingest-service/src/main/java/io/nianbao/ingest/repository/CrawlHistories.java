package io.nianbao.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Source id → {@link CrawlHistory} in the compacted topic crawl.status: every instance shows the same status. */
@ApplicationScoped
public class CrawlHistories {
    private final CompactedTopicMap topic;
    private final ObjectMapper json;

    public CrawlHistories(CrawlTopics topics, ObjectMapper json) {
        this.topic = topics.status();
        this.json = json;
    }

    public CrawlHistory of(String sourceId) {
        topic.refresh();
        return lastRead(sourceId);
    }

    /** Without asking the broker (metrics): as of the last {@link #of} or {@link #save}. */
    public CrawlHistory lastRead(String sourceId) {
        return topic.get(sourceId).map(this::decode).orElse(CrawlHistory.NEVER);
    }

    public void save(String sourceId, CrawlHistory history) {
        try {
            topic.put(sourceId, json.writeValueAsBytes(history));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CrawlHistory decode(byte[] bytes) {
        try {
            return json.readValue(bytes, CrawlHistory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable status in crawl.status", e);
        }
    }
}
