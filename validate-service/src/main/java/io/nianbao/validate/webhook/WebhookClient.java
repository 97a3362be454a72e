package io.nianbao.validate.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** One POST of one alert to one receiver, signed; whether the receiver took it (2xx). */
public class WebhookClient {
    /** Seconds since the epoch when the request was signed, so a receiver can refuse stale requests. */
    public static final String TIMESTAMP_HEADER = "X-Nianbao-Timestamp";
    /** The alert's id: the same on every retry and redelivery, for the receiver to drop duplicates. */
    public static final String DEDUP_HEADER = "X-Nianbao-Alert-Id";

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookClient(URI url, String secret, Duration timeout, Clock clock) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI url() {
        return url;
    }

    /** The outcome of one attempt: delivered, or why not. */
    public record Attempt(boolean delivered, String failure) {
        static Attempt ok() {
            return new Attempt(true, null);
        }

        static Attempt failed(String failure) {
            return new Attempt(false, failure);
        }
    }

    public Attempt post(String alertId, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.HEADER, WebhookSignature.of(secret, timestamp, body))
                .header(TIMESTAMP_HEADER, timestamp)
                .header(DEDUP_HEADER, alertId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Attempt.ok() : Attempt.failed("HTTP " + status);
        } catch (IOException e) {
            return Attempt.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        }
    }
}
