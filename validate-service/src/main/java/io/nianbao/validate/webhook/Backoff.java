package io.nianbao.validate.webhook;

import java.time.Duration;

/** Exponential backoff between attempts at one delivery: initial, 2×, 4×, … never more than max. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial ≤ max, got " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 for the first). */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
