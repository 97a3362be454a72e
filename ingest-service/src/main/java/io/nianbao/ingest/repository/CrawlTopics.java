package io.nianbao.ingest.repository;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two compacted topics of the crawler. Kafka rather than MongoDB: ingest-service already depends only on the
 * broker, and a compacted topic keyed by URL / source id is exactly a durable shared map.
 */
@ApplicationScoped
public class CrawlTopics {
    private final CompactedTopicMap state;
    private final CompactedTopicMap sources;

    public CrawlTopics(@ConfigProperty(name = "nianbao.crawl.store") String store,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                       @ConfigProperty(name = "nianbao.crawl.state-topic") String stateTopic,
                       @ConfigProperty(name = "nianbao.crawl.sources-topic") String sourcesTopic) {
        boolean kafka = switch (store) {
            case "kafka" -> true;
            case "memory" -> false;
            default -> throw new IllegalStateException("nianbao.crawl.store must be kafka or memory, not " + store);
        };
        this.state = kafka ? CompactedTopicMap.kafka(stateTopic, bootstrap) : CompactedTopicMap.inMemory(stateTopic);
        this.sources = kafka ? CompactedTopicMap.kafka(sourcesTopic, bootstrap) : CompactedTopicMap.inMemory(sourcesTopic);
    }

    /** URL → {@link io.nianbao.crawler.PageState} as JSON. */
    public CompactedTopicMap state() {
        return state;
    }

    /** Source id → source JSON from the admin API; an empty value marks a configured source deleted. */
    public CompactedTopicMap sources() {
        return sources;
    }

    @PreDestroy
    void close() {
        state.close();
        sources.close();
    }
}
