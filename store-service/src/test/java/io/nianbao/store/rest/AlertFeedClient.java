package io.nianbao.store.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nianbao.store.TestRecords;
import io.nianbao.store.TestStore;
import io.nianbao.store.listener.AlertListener;

/**
 * The alert stream as a client reads it: each event's data, in order, read on the HTTP client's own threads, so that
 * a test waiting for an event that never comes fails at its timeout and closing never blocks on a read.
 */
final class AlertFeedClient implements AutoCloseable {
    private static final String PROBE = "feed-probe-";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** Queued, by identity, when the stream ends or fails: a test waiting for an event learns why none comes. */
    private static final String ENDED = new String("ended");

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    /** Why the stream ended: its failure, or null when the server closed it. */
    private volatile Throwable endedBy;

    private AlertFeedClient(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, info -> {
            headers.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription opened) {
                    subscription = opened;
                    opened.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring("data:".length()));
                    }
                }

                @Override
                public void onError(Throwable error) {
                    endedBy = error;
                    events.add(ENDED);
                }

                @Override
                public void onComplete() {
                    events.add(ENDED);
                }
            });
        }).whenComplete((response, failure) -> {
            if (failure != null) {
                headers.completeExceptionally(failure);
            }
        });
    }

    /** Opens the stream and returns once its response headers arrived. */
    static AlertFeedClient open(String url) throws Exception {
        AlertFeedClient feed = new AlertFeedClient(url);
        feed.headers.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        return feed;
    }

    int status() {
        return headers.join().statusCode();
    }

    String contentType() {
        return headers.join().headers().firstValue("content-type").orElse("");
    }

    /**
     * Returns once the server is feeding this stream. It sends the headers before it subscribes to the alerts, so an
     * alert stored in between is not on this stream: alerts named as probes are stored, one at a time, until one
     * comes through. The probes still on their way are skipped by {@link #next}.
     */
    AlertFeedClient awaitLive(TestStore store) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            store.deliver(AlertListener.CHANNEL, TestRecords.consumed("reports.alerts",
                    TestRecords.alert(PROBE + probe, "probe", "64", 2024, Instant.parse("2025-01-01T00:00:00Z"))));
            if (nextEvent(500, TimeUnit.MILLISECONDS) != null) {
                return this;
            }
        }
        throw new TimeoutException("no probe alert came through the stream within " + WITHIN);
    }

    /** The next {@code count} events' data, probes skipped; fails when they do not all come within 30 s. */
    List<String> next(int count) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<String> data = new ArrayList<>();
        while (data.size() < count) {
            String event = nextEvent(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new TimeoutException(data.size() + " of " + count + " events within " + WITHIN + ": " + data);
            }
            if (!event.contains("\"alertId\":\"" + PROBE)) {
                data.add(event);
            }
        }
        return data;
    }

    /** The next event's data, null when none came within the wait; fails when the stream ended. */
    private String nextEvent(long wait, TimeUnit unit) throws InterruptedException {
        String event = events.poll(wait, unit);
        if (event == ENDED) {
            events.add(ENDED);
            throw new IllegalStateException("the alert stream ended", endedBy);
        }
        return event;
    }

    @Override
    public void close() {
        Flow.Subscription opened = subscription;
        if (opened != null) {
            opened.cancel();
        }
    }
}
