package io.nianbao.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.nianbao.schema.DeadLetter;
import io.nianbao.store.listener.AlertListener;
import io.nianbao.store.listener.DocumentEventListener;
import io.nianbao.store.listener.RecordDecoder;
import io.nianbao.store.listener.ValidatedReportListener;
import io.nianbao.store.producer.ReplayProducer;
import io.nianbao.store.repository.AlertRepository;
import io.nianbao.store.repository.DeadLetterRepository;
import io.nianbao.store.repository.DocumentRepository;
import io.nianbao.store.repository.ReportRepository;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** The service's channels and collections, as the tests drive and inspect them. */
@Singleton
public class TestStore {
    /** The channels consumed a polled batch at a time ({@code batch=true}); the others get one record per message. */
    private static final Set<String> BATCH_CHANNELS = Set.of(ValidatedReportListener.CHANNEL, AlertListener.CHANNEL,
            DocumentEventListener.RAW_CHANNEL, DocumentEventListener.PARSED_CHANNEL);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    /** Every collection of the service emptied, and what it sent to its outgoing channels forgotten. */
    public void clear() {
        for (String collection : List.of(ReportRepository.COLLECTION, AlertRepository.COLLECTION,
                DocumentRepository.COLLECTION, DeadLetterRepository.COLLECTION)) {
            mongo.getDatabase(database).getCollection(collection).deleteMany(new Document());
        }
        connector.sink(RecordDecoder.DEAD_LETTERS).clear();
        connector.sink(ReplayProducer.CHANNEL).clear();
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

    /**
     * Sends the record to the channel (to a batch channel as a batch of one): the future completes when it is acked, and fails when it
     * is nacked.
     */
    public CompletableFuture<Void> send(String channel, ConsumerRecord<String, byte[]> record) {
        return send(channel, List.of(record), () -> null);
    }

    /** As {@link #send(String, ConsumerRecord)}, the future completing with what {@code atAck} saw as it was acked. */
    public <T> CompletableFuture<T> send(String channel, ConsumerRecord<String, byte[]> record, Supplier<T> atAck) {
        return send(channel, List.of(record), atAck);
    }

    /** Sends the records to the channel as one batch: the future completes when it is acked, fails when nacked. */
    public CompletableFuture<Void> send(String channel, List<ConsumerRecord<String, byte[]>> records) {
        return send(channel, records, () -> null);
    }

    private <T> CompletableFuture<T> send(String channel, List<ConsumerRecord<String, byte[]>> records, Supplier<T> atAck) {
        if (!BATCH_CHANNELS.contains(channel)) {
            // A channel read record by record: each record its own message, the future done when the last is acked.
            CompletableFuture<?>[] each = records.stream()
                    .map(record -> deliverAs(channel, record, () -> null))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(each).thenApply(done -> atAck.get());
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                partition -> new ArrayList<>()).add(record));
        return deliverAs(channel, new ConsumerRecords<>(byPartition, Map.of()), atAck);
    }

    private <T> CompletableFuture<T> deliverAs(String channel, Object payload, Supplier<T> atAck) {
        CompletableFuture<T> acked = new CompletableFuture<>();
        connector.source(channel).send(Message.of(payload, () -> {
            acked.complete(atAck.get());
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
