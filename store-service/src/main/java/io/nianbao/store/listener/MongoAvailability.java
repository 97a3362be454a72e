package io.nianbao.store.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import com.mongodb.MongoException;

import io.nianbao.store.repository.AlertRepository;
import io.nianbao.store.repository.MongoFailures;
import io.nianbao.store.repository.ReportRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;

/**
 * Consumes only while MongoDB answers. The channels start paused (application.properties); a probe creates the
 * indexes, trying again with a growing delay until MongoDB answers, then resumes them and reports ready. When a
 * write later finds MongoDB unreachable, the channels pause again, readiness goes DOWN, the probe starts over,
 * and the write waits for it and is tried again: its record is acknowledged only once written, and the records
 * behind it wait their turn (the listeners process in order).
 */
@Readiness
@ApplicationScoped
public class MongoAvailability implements HealthCheck {
    static final String CHECK = "store indexes and consumers";
    static final List<String> CHANNELS = List.of(ValidatedReportListener.CHANNEL, AlertListener.CHANNEL);
    private static final Logger LOG = Logger.getLogger(MongoAvailability.class);

    private final ReportRepository reports;
    private final AlertRepository alerts;
    private final ChannelRegistry channels;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "mongo-probe"));
    private boolean reachable;
    private boolean stopped;

    MongoAvailability(ReportRepository reports, AlertRepository alerts, ChannelRegistry channels,
            @ConfigProperty(name = "nianbao.store.retry-delay") Duration firstDelay,
            @ConfigProperty(name = "nianbao.store.max-retry-delay") Duration maxDelay) {
        this.reports = reports;
        this.alerts = alerts;
        this.channels = channels;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    void start(@Observes StartupEvent event) {
        probe.execute(() -> awaitMongo(firstDelay));
    }

    /**
     * Runs the write, waiting for MongoDB as long as it is unreachable and then running it again (the writes
     * are idempotent). Any other failure propagates.
     *
     * @throws InterruptedException when the service stops (or the thread is interrupted) before MongoDB is back:
     *                              the write did not happen
     */
    public <T> T whenReachable(Supplier<T> write) throws InterruptedException {
        while (true) {
            awaitReachable();
            try {
                return write.get();
            } catch (MongoException e) {
                if (!MongoFailures.isUnreachable(e)) {
                    throw e;
                }
                lost(e);
            }
        }
    }

    private synchronized void awaitReachable() throws InterruptedException {
        while (!reachable) {
            if (stopped) {
                throw new InterruptedException("stopping while MongoDB is unreachable");
            }
            wait();
        }
    }

    /** The first write to find MongoDB gone pauses the channels and starts the probe; later ones just wait. */
    private synchronized void lost(MongoException cause) {
        if (!reachable || stopped) {
            return;
        }
        reachable = false;
        CHANNELS.forEach(channel -> channels.getPausable(channel).pause());
        LOG.warnf("MongoDB became unreachable (%s): consumers paused, not ready, waiting for it", cause.getMessage());
        // Not at once: a write failing while the probe succeeds must not spin.
        probe.schedule(() -> awaitMongo(firstDelay), firstDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Creates the indexes (also what a MongoDB that came back empty needs), or tries again later. */
    private void awaitMongo(Duration delay) {
        try {
            reports.createIndexes();
            alerts.createIndexes();
        } catch (MongoException e) {
            Duration next = delay.multipliedBy(2).compareTo(maxDelay) < 0 ? delay.multipliedBy(2) : maxDelay;
            LOG.warnf("MongoDB cannot be reached (%s); not ready, trying again in %s", e.getMessage(), delay);
            probe.schedule(() -> awaitMongo(next), delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        reached();
    }

    private synchronized void reached() {
        reachable = true;
        CHANNELS.forEach(channel -> channels.getPausable(channel).resume());
        notifyAll();
        LOG.info("MongoDB reached, indexes in place: consuming");
    }

    @Override
    public synchronized HealthCheckResponse call() {
        return HealthCheckResponse.named(CHECK).status(reachable)
                .withData("state", reachable ? "consuming" : "waiting for MongoDB").build();
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        probe.shutdownNow();
        notifyAll();
    }
}
