package io.nianbao.store.repository;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.nianbao.store.domain.DocumentEvent;
import io.nianbao.store.domain.DocumentEvents;

/** The {@code documents} collection: per document id (SHA-256 of its bytes), the events of its way through. */
@ApplicationScoped
public class DocumentRepository {
    public static final String COLLECTION = "documents";

    private final MongoCollection<Document> documents;

    DocumentRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.documents = client.getDatabase(database).getCollection(COLLECTION);
    }

    /**
     * Adds each event to its document unless it is there (a redelivered record makes the same event, which is
     * kept once), in order, with one {@code bulkWrite}.
     */
    public void addAll(List<DocumentEvent> events) {
        List<UpdateOneModel<Document>> additions = events.stream()
                .map(added -> new UpdateOneModel<Document>(eq(DocumentEvents.ID, added.reportId()),
                        Updates.addToSet(DocumentEvents.EVENTS, added.event()), new UpdateOptions().upsert(true)))
                .toList();
        ConnectionLoss.retryOnce(() -> documents.bulkWrite(additions, new BulkWriteOptions().ordered(true)));
    }

    public List<Document> events(String reportId) {
        return Optional.ofNullable(documents.find(eq(DocumentEvents.ID, reportId)).first())
                .map(found -> found.getList(DocumentEvents.EVENTS, Document.class, List.of()))
                .orElse(List.of());
    }
}
