package io.nianbao.validate.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts one {@link WebhookSender} per configured URL, each on its own thread over its own consumer group of
 * reports.alerts; validation itself never waits for a receiver.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @ConfigProperty(name = "nianbao.webhook.urls")
    Optional<List<String>> urls;

    @ConfigProperty(name = "nianbao.webhook.secret")
    Optional<String> secret;

    @ConfigProperty(name = "nianbao.webhook.backoff.initial")
    Duration initialBackoff;

    @ConfigProperty(name = "nianbao.webhook.backoff.max")
    Duration maxBackoff;

    @ConfigProperty(name = "nianbao.webhook.timeout")
    Duration timeout;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    private final List<WebhookSender> receivers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        List<URI> targets = urls.orElse(List.of()).stream().map(String::strip).filter(url -> !url.isEmpty())
                .map(WebhookDispatcher::receiverUrl).toList();
        if (targets.isEmpty()) {
            return;
        }
        String key = secret.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "nianbao.webhook.secret (NIANBAO_WEBHOOK_SECRET) must be set when webhook URLs are configured:"
                        + " every delivery is signed with it"));
        Backoff backoff = new Backoff(initialBackoff, maxBackoff);
        for (URI url : targets) {
            WebhookSender receiver = new WebhookSender(new WebhookClient(url, key, timeout, Clock.systemUTC()),
                    new KafkaAlertLog(bootstrapServers, KafkaAlertLog.groupId(url.toString())), backoff, registry);
            receivers.add(receiver);
            Thread thread = new Thread(receiver, "webhook-" + receiver.status().receiver());
            thread.start();
            threads.add(thread);
            LOG.infof("delivering alerts to %s (group %s)", receiver.status().receiver(),
                    KafkaAlertLog.groupId(url.toString()));
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        receivers.forEach(WebhookSender::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    public List<WebhookSender.Status> statuses() {
        return receivers.stream().map(WebhookSender::status).toList();
    }

    private static URI receiverUrl(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be http(s)://host/...: " + url);
        }
        return uri;
    }
}
