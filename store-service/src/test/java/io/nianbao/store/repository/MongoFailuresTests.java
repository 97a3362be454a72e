package io.nianbao.store.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

class MongoFailuresTests {
    @Test
    void aServerOutOfReachIsUnreachable() {
        assertThat(MongoFailures.isUnreachable(new MongoTimeoutException("no server"))).isTrue();
        assertThat(MongoFailures.isUnreachable(
                new MongoSocketOpenException("Connection refused", new ServerAddress()))).isTrue();
        assertThat(MongoFailures.isUnreachable(
                new MongoNotPrimaryException(new BsonDocument(), new ServerAddress()))).isTrue();
    }

    @Test
    void aWriteErrorLabelledRetryableIsUnreachable() {
        MongoException interrupted = new MongoException(91, "shutdown in progress");
        interrupted.addLabel("RetryableWriteError");

        assertThat(MongoFailures.isUnreachable(interrupted)).isTrue();
    }

    @Test
    void aRefusedWriteIsNot() {
        MongoWriteException refused = new MongoWriteException(
                new WriteError(10334, "BSONObj size: 17000000 is invalid", new BsonDocument()), new ServerAddress(),
                List.of());

        assertThat(MongoFailures.isUnreachable(refused)).isFalse();
    }
}
