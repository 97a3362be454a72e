package io.nianbao.store.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

class ConnectionLossTests {
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aWriteWhoseConnectionBrokeIsTriedOnceMore() {
        String result = ConnectionLoss.retryOnce(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSecondBrokenConnectionPropagates() {
        assertThatThrownBy(() -> ConnectionLoss.retryOnce(() -> {
            attempts.incrementAndGet();
            throw new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
        })).isInstanceOf(MongoSocketReadException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> ConnectionLoss.retryOnce(() -> {
            attempts.incrementAndGet();
            throw new MongoTimeoutException("no server");
        })).isInstanceOf(MongoTimeoutException.class);
        assertThat(attempts).hasValue(1);
    }
}
