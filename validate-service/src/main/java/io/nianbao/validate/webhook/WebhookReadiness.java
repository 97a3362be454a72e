package io.nianbao.validate.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each receiver's delivery state. A receiver that is down keeps the service ready (validation goes on, its
 * alerts wait in its group); only a delivery loop that stopped on an error makes it not ready.
 */
@Readiness
@ApplicationScoped
public class WebhookReadiness implements HealthCheck {

    @Inject
    WebhookDispatcher dispatcher;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("webhooks").up();
        for (WebhookSender.Status status : dispatcher.statuses()) {
            String state = status.stoppedOnError() ? "stopped: " + status.lastFailure()
                    : status.consecutiveFailures() > 0
                            ? "retrying after " + status.consecutiveFailures() + " failed attempts: " + status.lastFailure()
                            : "delivering";
            response.withData(status.receiver(), state + " (" + status.delivered() + " delivered)");
            if (status.stoppedOnError()) {
                response.down();
            }
        }
        return response.build();
    }
}
