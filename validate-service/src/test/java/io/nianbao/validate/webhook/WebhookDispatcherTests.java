package io.nianbao.validate.webhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class WebhookDispatcherTests {

    @Test
    void receiversWithoutASecretAreRefusedAtStartNamingTheVariable() {
        WebhookDispatcher dispatcher = dispatcher(List.of("http://127.0.0.1:9/hook"), Optional.of("  "));

        assertThatThrownBy(() -> dispatcher.onStart(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NIANBAO_WEBHOOK_SECRET");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAtStartAsItWasGiven() {
        WebhookDispatcher dispatcher = dispatcher(List.of("ftp://example.org/hook"), Optional.of("secret"));

        assertThatThrownBy(() -> dispatcher.onStart(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://example.org/hook");
    }

    private static WebhookDispatcher dispatcher(List<String> urls, Optional<String> secret) {
        WebhookDispatcher dispatcher = new WebhookDispatcher();
        dispatcher.urls = Optional.of(urls);
        dispatcher.secret = secret;
        dispatcher.initialBackoff = Duration.ofSeconds(1);
        dispatcher.maxBackoff = Duration.ofSeconds(60);
        dispatcher.timeout = Duration.ofSeconds(10);
        dispatcher.bootstrapServers = "127.0.0.1:9";
        dispatcher.registry = new SimpleMeterRegistry();
        return dispatcher;
    }
}
