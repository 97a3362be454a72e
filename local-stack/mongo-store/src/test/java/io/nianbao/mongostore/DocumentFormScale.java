package io.nianbao.mongostore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.Document;
import org.h2.mvstore.MVStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;

/**
 * What the form of the documents in the data file costs the embedded store, run by hand (docs/BENCHMARKS.md "The
 * embedded store's documents and indexes as BSON"): report-sized documents written in batches as store-service
 * writes them (a {@code bulkWrite} of replaces, a commit after each), then a page of the whole collection sorted as
 * the report list asks for it, on the store reopened (its cache cold) and again warm. Once with the documents as Java
 * serialization writes them (mongo-java-server's own H2 backend, as earlier builds did), once as BSON.
 * <p>
 * {@code DocumentFormScale <documents> <directory>}
 */
public final class DocumentFormScale {
    private static final int BATCH = 100;
    private static final int PAGE = 200;

    public static void main(String[] args) throws Exception {
        int documents = Integer.parseInt(args[0]);
        Path directory = Files.createDirectories(Path.of(args[1]));
        for (int round = 1; round <= 3; round++) {
            measure("Java serialization", documents, directory.resolve("java-" + round + ".mv"),
                    DocumentFormScale::javaSerialized);
            measure("BSON", documents, directory.resolve("bson-" + round + ".mv"),
                    MongoStoreMain.CommittingH2Backend::new);
        }
    }

    private static void measure(String form, int documents, Path file, Function<MVStore, H2Backend> backend) {
        long writing = time(backend, file, reports -> {
            for (int from = 0; from < documents; from += BATCH) {
                List<ReplaceOneModel<Document>> batch = new ArrayList<>();
                IntStream.range(from, Math.min(documents, from + BATCH)).forEach(i -> batch.add(new ReplaceOneModel<>(
                        new Document("_id", "report-" + i), report(i), new ReplaceOptions().upsert(true))));
                reports.bulkWrite(batch);
            }
        });
        long[] pages = new long[2];
        time(backend, file, reports -> {
            for (int read = 0; read < pages.length; read++) {
                long start = System.nanoTime();
                List<Document> page = reports.find().sort(Sorts.descending("storedAt")).limit(PAGE)
                        .into(new ArrayList<>());
                pages[read] = System.nanoTime() - start;
                if (page.size() != Math.min(PAGE, documents)) {
                    throw new IllegalStateException("a page of " + page.size());
                }
            }
        });
        System.out.printf("%-18s %6d documents: written in %6.1f s (%.2f ms a document), %5.1f MB; a sorted page cold"
                + " %6.2f s, warm %6.2f s%n", form, documents, writing / 1e9, writing / 1e6 / documents,
                file.toFile().length() / 1e6, pages[0] / 1e9, pages[1] / 1e9);
    }

    /** As earlier builds ran the store: mongo-java-server's own H2 backend, committing after every command. */
    private static H2Backend javaSerialized(MVStore store) {
        return new H2Backend(store) {
            @Override
            public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String databaseName,
                    String command, de.bwaldvogel.mongo.bson.Document query) {
                try {
                    return super.handleCommand(channel, databaseName, command, query);
                } finally {
                    commit();
                }
            }
        };
    }

    /** A stored report's shape and size: identity, six sections of prose, the tables' cells, findings. */
    private static Document report(int i) {
        Document sections = new Document();
        for (int section = 1; section <= 6; section++) {
            sections.append("s" + section, ("第" + i + "号报告第" + section + "部分：依法公开政府信息，回应社会关切。").repeat(12));
        }
        List<Document> rows = new ArrayList<>();
        for (int row = 0; row < 40; row++) {
            rows.add(new Document("row", "row-" + row).append("cells", List.of(i, row, i + row, 0, 1, 2, 3)));
        }
        return new Document("reportId", "report-" + i).append("agency", "第" + (i % 300) + "局")
                .append("year", 2019 + i % 6).append("storedAt", 1_765_000_000_000L + i)
                .append("sections", sections).append("applications", rows)
                .append("findings", List.of(new Document("rule", "S3-BALANCE").append("severity", "ERROR")
                        .append("message", "本年新收与结转之和不等于办理结果之和"), new Document("rule", "HIER-SUM")));
    }

    private static long time(Function<MVStore, H2Backend> backend, Path file,
            Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend.apply(MVStore.open(file.toString())));
        InetSocketAddress address = server.bind();
        long start = System.nanoTime();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            work.accept(client.getDatabase("nianbao").getCollection("reports"));
            return System.nanoTime() - start;
        } finally {
            server.shutdown();
        }
    }
}
