package io.nianbao.validate.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A log of alerts in memory for one receiver: what it handed out, and up to where delivery was recorded. */
final class InMemoryAlertLog implements AlertLog {
    private final List<PendingAlert> alerts = new ArrayList<>();
    private final CountDownLatch woken = new CountDownLatch(1);
    private int handedOut;
    private volatile int delivered;
    private volatile boolean closed;

    synchronized void append(String alertId, byte[] json) {
        alerts.add(new PendingAlert(alertId, json, 0, alerts.size()));
    }

    /** How many alerts, from the start, are recorded as delivered. */
    int deliveredCount() {
        return delivered;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public List<PendingAlert> poll(Duration wait) {
        synchronized (this) {
            if (handedOut < alerts.size()) {
                List<PendingAlert> next = List.copyOf(alerts.subList(handedOut, alerts.size()));
                handedOut = alerts.size();
                return next;
            }
        }
        sleep(wait);
        return List.of();
    }

    @Override
    public void delivered(PendingAlert alert) {
        delivered = (int) alert.offset() + 1;
    }

    @Override
    public void hold(Duration wait) {
        sleep(wait);
    }

    @Override
    public void wakeup() {
        woken.countDown();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void sleep(Duration wait) {
        try {
            woken.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
