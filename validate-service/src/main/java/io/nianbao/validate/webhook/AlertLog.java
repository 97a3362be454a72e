package io.nianbao.validate.webhook;

import java.time.Duration;
import java.util.List;

/**
 * One receiver's view of the alerts to deliver, in order, and of its progress: on Kafka, reports.alerts read by a
 * consumer group of the receiver's own, whose committed offset moves only past delivered alerts.
 */
public interface AlertLog extends AutoCloseable {

    /** An alert to deliver: its dedup key, its JSON body, and where it sits in the log. */
    record PendingAlert(String alertId, byte[] json, int partition, long offset) {
    }

    /** The next alerts after the last delivered one, waiting up to {@code wait} for some; none when woken up. */
    List<PendingAlert> poll(Duration wait);

    /** Records the alert (and everything before it) as delivered: after a restart delivery resumes after it. */
    void delivered(PendingAlert alert);

    /** Waits before a retry while staying a live member of the log's group; hands out nothing meanwhile. */
    void hold(Duration wait);

    /** Ends a {@link #poll} or {@link #hold} in progress, from another thread. */
    void wakeup();

    @Override
    void close();
}
