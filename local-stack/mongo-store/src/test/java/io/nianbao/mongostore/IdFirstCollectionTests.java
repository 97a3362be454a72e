package io.nianbao.mongostore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;

/** Queries naming an {@code _id} and more, as store-service's compare-and-set sends them, through the driver. */
class IdFirstCollectionTests {
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> reports;

    @BeforeEach
    void start() {
        server = new MongoServer(new MongoStoreMain.CommittingH2Backend(new MVStore.Builder().open()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        reports = client.getDatabase("nianbao").getCollection("reports");
        reports.createIndex(Indexes.ascending("reportId"));
        for (int i = 0; i < 5; i++) {
            reports.insertOne(new Document("_id", "doc-" + i).append("reportId", "r" + i).append("version", 1));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aReplaceOfTheVersionReadReplacesItAndOfAnotherVersionNothing() {
        Document revised = new Document("_id", "doc-2").append("reportId", "r2b").append("version", 2);

        assertThat(reports.replaceOne(and(eq("_id", "doc-2"), eq("reportId", "r2"), eq("version", 1)), revised)
                .getMatchedCount()).isEqualTo(1);
        assertThat(reports.replaceOne(and(eq("_id", "doc-2"), eq("reportId", "r2"), eq("version", 1)), revised)
                .getMatchedCount()).isZero();
        assertThat(reports.find(eq("_id", "doc-2")).first()).isEqualTo(revised);
        assertThat(reports.countDocuments()).isEqualTo(5);
    }

    @Test
    void theIdAndTheOtherFieldsMustAllMatchWhereverTheIdIsNamed() {
        assertThat(ids(reports.find(and(eq("_id", "doc-1"), eq("reportId", "r1"))))).containsExactly("doc-1");
        assertThat(ids(reports.find(and(eq("_id", "doc-1"), eq("reportId", "r3"))))).isEmpty();
        assertThat(ids(reports.find(new Document("_id", "doc-4").append("version", 1)))).containsExactly("doc-4");
        assertThat(ids(reports.find(and(eq("version", 1), eq("_id", "doc-9"))))).isEmpty();
        assertThat(ids(reports.find(and(in("_id", List.of("doc-0", "doc-3")), eq("version", 1)))))
                .containsExactlyInAnyOrder("doc-0", "doc-3");
        assertThat(ids(reports.find(eq("reportId", "r4")))).containsExactly("doc-4");
    }

    @Test
    void anUpdateAndADeleteNamingTheIdAndMoreTouchOnlyTheirDocument() {
        assertThat(reports.updateOne(and(eq("_id", "doc-0"), eq("version", 1)), new Document("$set",
                new Document("version", 3))).getModifiedCount()).isEqualTo(1);
        assertThat(reports.deleteOne(and(eq("_id", "doc-1"), eq("version", 2))).getDeletedCount()).isZero();
        assertThat(reports.deleteOne(and(eq("_id", "doc-1"), eq("version", 1))).getDeletedCount()).isEqualTo(1);

        assertThat(ids(reports.find(eq("version", 3)))).containsExactly("doc-0");
        assertThat(ids(reports.find())).containsExactlyInAnyOrder("doc-0", "doc-2", "doc-3", "doc-4");
    }

    private static List<Object> ids(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
