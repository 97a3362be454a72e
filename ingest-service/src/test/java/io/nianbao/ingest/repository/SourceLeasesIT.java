package io.nianbao.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Source leases on a real broker: of instances claiming at the same moment exactly one wins, in everyone's view. */
class SourceLeasesIT {
    private static final Duration TTL = Duration.ofMinutes(2);
    private static final int INSTANCES = 4;

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Test
    void simultaneousClaimsHaveExactlyOneWinnerAndARestartedReaderAgrees() throws Exception {
        List<CrawlTopics> topics = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int round = 0; round < 5; round++) {
                String source = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    CrawlTopics instanceTopics = kafkaTopics();
                    topics.add(instanceTopics);
                    SourceLeases leases = new SourceLeases(instanceTopics, "instance-" + i, TTL, Clock.systemUTC());
                    leases.current(source); // connected before the start signal, so the claims really race
                    claims.add(pool.submit(() -> {
                        start.await();
                        return leases.claim(source);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> claim : claims) {
                    winners += claim.get() ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);

                CrawlTopics restarted = kafkaTopics();
                topics.add(restarted);
                String holder = new SourceLeases(restarted, "observer", TTL, Clock.systemUTC()).current(source)
                        .orElseThrow().owner();
                int winner = -1;
                for (int i = 0; i < INSTANCES; i++) {
                    if (claims.get(i).get()) {
                        winner = i;
                    }
                }
                assertThat(holder).isEqualTo("instance-" + winner);
            }
        } finally {
            pool.shutdownNow();
            topics.forEach(CrawlTopics::close);
        }
    }

    @Test
    void releasedLeaseIsFreeForAnotherInstanceAtOnce() {
        try (CrawlTopics first = kafkaTopics(); CrawlTopics second = kafkaTopics()) {
            SourceLeases a = new SourceLeases(first, "a", TTL, Clock.systemUTC());
            SourceLeases b = new SourceLeases(second, "b", TTL, Clock.systemUTC());
            assertThat(a.claim("released")).isTrue();
            assertThat(b.claim("released")).isFalse();
            a.release("released");
            assertThat(b.claim("released")).isTrue();
            assertThat(a.current("released")).hasValueSatisfying(lease -> assertThat(lease.owner()).isEqualTo("b"));
        }
    }

    private static CrawlTopics kafkaTopics() {
        return new CrawlTopics("kafka", broker.bootstrapServers(), "crawl.state", "crawl.sources", "crawl.leases", "crawl.status");
    }
}
