package io.nianbao.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.nianbao.schema.DeadLetter;
import io.nianbao.store.listener.RecordDecoder;
import io.nianbao.store.repository.AlertRepository;
import io.nianbao.store.repository.ReportRepository;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** The service's channels and collections, as the tests drive and inspect them. */
@Singleton
public class TestStore {
    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    public void clear() {
        reports().deleteMany(new Document());
        alerts().deleteMany(new Document());
        connector.sink(RecordDecoder.DEAD_LETTERS).clear();
    }

    public MongoCollection<Document> reports() {
        return mongo.getDatabase(database).getCollection(ReportRepository.COLLECTION);
    }

    public MongoCollection<Document> alerts() {
        return mongo.getDatabase(database).getCollection(AlertRepository.COLLECTION);
    }

    /** Sends the record to the channel and returns once it was acknowledged; fails when it was nacked. */
    public void deliver(String channel, ConsumerRecord<String, byte[]> record) {
        try {
            send(channel, record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("record on " + channel + " was not acknowledged", e);
        }
    }

    /** Sends the record to the channel: the future completes when it is acked, and fails when it is nacked. */
    public CompletableFuture<Void> send(String channel, ConsumerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        connector.source(channel).send(Message.of(record, () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }

    public List<DeadLetter> deadLetters() {
        return connector.<DeadLetter> sink(RecordDecoder.DEAD_LETTERS).received().stream()
                .map(Message::getPayload)
                .toList();
    }
}
