package io.nianbao.ingest.repository;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The compacted topics of the crawler. Kafka rather than MongoDB: ingest-service already depends only on the
 * broker, and a compacted topic keyed by URL / source id is exactly a durable shared map.
 */
@ApplicationScoped
public class CrawlTopics implements AutoCloseable {
    private final CompactedTopicMap state;
    private final CompactedTopicMap sources;
    private final CompactedTopicMap leases;
    private final CompactedTopicMap status;

    public CrawlTopics(@ConfigProperty(name = "nianbao.crawl.store") String store,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                       @ConfigProperty(name = "nianbao.crawl.state-topic") String stateTopic,
                       @ConfigProperty(name = "nianbao.crawl.sources-topic") String sourcesTopic,
                       @ConfigProperty(name = "nianbao.crawl.leases-topic") String leasesTopic,
                       @ConfigProperty(name = "nianbao.crawl.status-topic") String statusTopic) {
        boolean kafka = switch (store) {
            case "kafka" -> true;
            case "memory" -> false;
            default -> throw new IllegalStateException("nianbao.crawl.store must be kafka or memory, not " + store);
        };
        this.state = kafka ? CompactedTopicMap.kafka(stateTopic, bootstrap) : CompactedTopicMap.inMemory(stateTopic);
        this.sources = kafka ? CompactedTopicMap.kafka(sourcesTopic, bootstrap) : CompactedTopicMap.inMemory(sourcesTopic);
        this.leases = (kafka ? CompactedTopicMap.kafka(leasesTopic, bootstrap) : CompactedTopicMap.inMemory(leasesTopic))
                .ordered(SourceLease::fold);
        this.status = kafka ? CompactedTopicMap.kafka(statusTopic, bootstrap) : CompactedTopicMap.inMemory(statusTopic);
    }

    /** URL → {@link io.nianbao.crawler.PageState} as JSON. */
    public CompactedTopicMap state() {
        return state;
    }

    /** Source id → source JSON from the admin API; an empty value marks a configured source deleted. */
    public CompactedTopicMap sources() {
        return sources;
    }

    /** Source id → {@link SourceLease} as JSON, folded in log order; read through {@link SourceLeases}. */
    public CompactedTopicMap leases() {
        return leases;
    }

    /** Source id → {@link CrawlHistory} as JSON. */
    public CompactedTopicMap status() {
        return status;
    }

    @Produces
    @Singleton
    SourceLeases leases(@ConfigProperty(name = "nianbao.crawl.instance-id") Optional<String> instanceId,
                        @ConfigProperty(name = "nianbao.crawl.lease-ttl") Duration ttl) {
        return new SourceLeases(this, instanceId.orElseGet(CrawlTopics::freshInstanceId), ttl, Clock.systemUTC());
    }

    /** Host name plus a random part: a restarted instance is a new owner, its former self's leases run out. */
    private static String freshInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "ingest";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @PreDestroy
    @Override
    public void close() {
        state.close();
        sources.close();
        leases.close();
        status.close();
    }
}
