package io.nianbao.validate.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Delivers one receiver's alerts, in order, each until the receiver answers 2xx, waiting longer after each failed
 * attempt. Runs on a thread of its own over a log of its own, so a receiver that is down holds back only itself.
 */
public class WebhookSender implements Runnable {
    static final String DELIVERIES = "nianbao.webhook.deliveries";
    static final String ATTEMPTS_FAILED = "nianbao.webhook.attempts.failed";
    static final String CONSECUTIVE_FAILURES = "nianbao.webhook.consecutive.failures";
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** What readiness and an operator see of a receiver. */
    public record Status(String receiver, boolean stoppedOnError, long delivered, int consecutiveFailures,
            String lastFailure) {
    }

    private final WebhookClient client;
    private final AlertLog log;
    private final Backoff backoff;
    private final String receiver;
    private final Counter delivered;
    private final Counter attemptsFailed;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong deliveredCount = new AtomicLong();
    private volatile String lastFailure;
    private volatile boolean stoppedOnError;
    private volatile boolean stopped;

    public WebhookSender(WebhookClient client, AlertLog log, Backoff backoff, MeterRegistry registry) {
        this.client = client;
        this.log = log;
        this.backoff = backoff;
        this.receiver = describe(client);
        Tags tags = Tags.of("receiver", receiver);
        this.delivered = registry.counter(DELIVERIES, tags);
        this.attemptsFailed = registry.counter(ATTEMPTS_FAILED, tags);
        registry.gauge(CONSECUTIVE_FAILURES, tags, consecutiveFailures);
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                for (AlertLog.PendingAlert alert : log.poll(POLL)) {
                    if (!deliver(alert)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            stoppedOnError = true;
            LOG.errorf(e, "webhook delivery to %s stopped", receiver);
        } finally {
            log.close();
        }
    }

    /** Asks the loop to end; an alert not yet delivered stays in the log for the next start. */
    public void stop() {
        stopped = true;
        log.wakeup();
    }

    public Status status() {
        return new Status(receiver, stoppedOnError, deliveredCount.get(), consecutiveFailures.get(), lastFailure);
    }

    /** Tries until delivered; false when stopped first. */
    private boolean deliver(AlertLog.PendingAlert alert) {
        while (!stopped) {
            WebhookClient.Attempt attempt = client.post(alert.alertId(), alert.json());
            if (attempt.delivered()) {
                log.delivered(alert);
                consecutiveFailures.set(0);
                deliveredCount.incrementAndGet();
                delivered.increment();
                return true;
            }
            int failures = consecutiveFailures.incrementAndGet();
            attemptsFailed.increment();
            lastFailure = attempt.failure();
            Duration wait = backoff.after(failures);
            LOG.warnf("alert %s not delivered to %s (%s, attempt %d); next attempt in %s",
                    alert.alertId(), receiver, attempt.failure(), failures, wait);
            log.hold(wait);
        }
        return false;
    }

    /** The URL without its query, which may carry a token. */
    private static String describe(WebhookClient client) {
        var url = client.url();
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null ? "" : url.getPath());
    }
}
