package io.nianbao.ingest.repository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Exclusive crawling across instances: before crawling a source an instance claims its lease in crawl.leases,
 * reads the topic back, and crawls only if the fold of the log ({@link SourceLease#fold}) names it the holder.
 * The holder renews while it crawls and releases at the end; a dead holder's lease simply runs out.
 */
public class SourceLeases {
    private final CompactedTopicMap topic;
    private final String instanceId;
    private final Duration ttl;
    private final Clock clock;

    public SourceLeases(CrawlTopics topics, String instanceId, Duration ttl, Clock clock) {
        this.topic = topics.leases();
        this.instanceId = instanceId;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String instanceId() {
        return instanceId;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Claims (or renews) the source for this instance.
     * @return true when this instance now holds the lease, for {@link #ttl()} from now
     * @throws StoreUnavailableException when the broker cannot be read or written: then nobody should crawl
     */
    public boolean claim(String sourceId) {
        Instant now = now();
        Optional<SourceLease> current = current(sourceId);
        if (current.isPresent() && !current.get().owner().equals(instanceId)) {
            return false;
        }
        SourceLease mine = new SourceLease(instanceId, now, now.plus(ttl));
        topic.put(sourceId, mine.encode());
        topic.refresh();
        return holder(sourceId).filter(mine::equals).isPresent();
    }

    /** Lets another instance take the source at once (a crash instead lets the lease run out). */
    public void release(String sourceId) {
        topic.refresh();
        if (holder(sourceId).filter(lease -> lease.owner().equals(instanceId)).isPresent()) {
            Instant now = now();
            topic.put(sourceId, new SourceLease(instanceId, now, now).encode());
        }
    }

    /** Who crawls the source now, as far as the log says. */
    public Optional<SourceLease> current(String sourceId) {
        topic.refresh();
        Instant now = now();
        return holder(sourceId).filter(lease -> lease.heldAt(now));
    }

    private Optional<SourceLease> holder(String sourceId) {
        return topic.get(sourceId).map(SourceLease::decode);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
