package io.nianbao.store.repository;

import java.util.function.Supplier;

import com.mongodb.MongoSocketException;

/**
 * Runs an idempotent write again once when the connection broke under it (a restarted or failed-over
 * server): the second attempt waits for a reachable server (the driver's server selection timeout). Any
 * other failure, or a second one, propagates and the record is nacked.
 */
final class ConnectionLoss {
    private ConnectionLoss() {
    }

    static <T> T retryOnce(Supplier<T> idempotentWrite) {
        try {
            return idempotentWrite.get();
        } catch (MongoSocketException e) {
            return idempotentWrite.get();
        }
    }
}
