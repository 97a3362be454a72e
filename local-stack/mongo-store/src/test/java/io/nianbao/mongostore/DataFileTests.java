package io.nianbao.mongostore;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The embedded store's data file, through the driver, across restarts and across the change of its documents' form. */
class DataFileTests {
    @TempDir
    Path directory;

    @Test
    void documentsAnEarlierBuildWroteAreReadUpdatedAndKeptAfterARestart() {
        Path file = directory.resolve("nianbao.mv");
        // An earlier build: mongo-java-server's own H2 backend, its documents written with Java serialization.
        withServer(new H2Backend(MVStore.open(file.toString())), reports -> IntStream.range(0, 50)
                .forEach(i -> reports.insertOne(report(i))));

        withServer(new MongoStoreMain.CommittingH2Backend(MVStore.open(file.toString())), reports -> {
            assertThat(all(reports)).isEqualTo(IntStream.range(0, 50).mapToObj(DataFileTests::report).toList());
            assertThat(reports.find(eq("_id", "r-31")).first()).isEqualTo(report(31));
            assertThatThrownBy(() -> reports.insertOne(report(3))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            reports.replaceOne(eq("_id", "r-7"), report(7).append("version", 2));
            reports.insertOne(report(50));
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.getMapNames()).as("the earlier build's index, replaced by its BSON form")
                    .noneMatch(name -> name.contains("._index_")).contains("nianbao.reports._bson_index__id_");
        }

        withServer(new MongoStoreMain.CommittingH2Backend(MVStore.open(file.toString())), reports -> {
            List<Document> expected = IntStream.rangeClosed(0, 50)
                    .mapToObj(i -> i == 7 ? report(7).append("version", 2) : report(i)).toList();
            assertThat(all(reports)).isEqualTo(expected);
            assertThatThrownBy(() -> reports.insertOne(report(50))).isInstanceOf(MongoWriteException.class);
        });
    }

    private static Document report(int i) {
        return new Document("_id", "r-%d".formatted(i)).append("agency", "第%d局".formatted(i)).append("year", 2019 + i % 6)
                .append("applications", new Document("received", List.of(i, i + 1, i + 2)).append("withdrawn", null))
                .append("version", 1);
    }

    private static List<Document> all(MongoCollection<Document> reports) {
        return reports.find().into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingInt(document -> Integer.parseInt(document.getString("_id").substring(2))))
                .toList();
    }

    /** A server on the backend for as long as {@code work} runs; its shutdown closes the data file. */
    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("nianbao").getCollection("reports"));
        } finally {
            server.shutdown();
        }
    }
}
