package io.nianbao.store.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import io.nianbao.store.repository.ReportRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;

/**
 * The service starts whether or not MongoDB can be reached. In the background it creates the indexes, trying
 * again until MongoDB answers; only then does it start consuming (the channels start paused, see
 * application.properties) and report ready. Until then the API answers with errors and readiness is DOWN.
 */
@Readiness
@ApplicationScoped
public class StoreStartup implements HealthCheck {
    static final List<String> CHANNELS = List.of(ValidatedReportListener.CHANNEL, AlertListener.CHANNEL);
    private static final Logger LOG = Logger.getLogger(StoreStartup.class);

    private final ReportRepository reports;
    private final AlertRepository alerts;
    private final ChannelRegistry channels;
    private final Duration retryDelay;
    private final ScheduledExecutorService setup = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "store-startup"));
    private volatile boolean ready;

    StoreStartup(ReportRepository reports, AlertRepository alerts, ChannelRegistry channels,
            @ConfigProperty(name = "nianbao.store.startup-retry-delay") Duration retryDelay) {
        this.reports = reports;
        this.alerts = alerts;
        this.channels = channels;
        this.retryDelay = retryDelay;
    }

    void start(@Observes StartupEvent event) {
        setup.execute(this::prepareStore);
    }

    private void prepareStore() {
        try {
            reports.createIndexes();
            alerts.createIndexes();
        } catch (MongoException e) {
            LOG.warnf("MongoDB cannot be reached yet (%s); not ready, trying again in %s", e.getMessage(), retryDelay);
            setup.schedule(this::prepareStore, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        CHANNELS.forEach(channel -> channels.getPausable(channel).resume());
        ready = true;
        LOG.info("MongoDB reached, indexes in place: consuming");
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("store indexes and consumers").status(ready)
                .withData("state", ready ? "consuming" : "waiting for MongoDB").build();
    }

    @PreDestroy
    void stop() {
        setup.shutdownNow();
    }
}
