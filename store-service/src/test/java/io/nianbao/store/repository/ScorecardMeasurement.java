package io.nianbao.store.repository;

import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;

import org.bson.Document;
import org.jboss.logmanager.LogContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.export.ScorecardWorkbook;
import io.nianbao.store.review.Scorecard;

/**
 * How long a province's scorecard takes on the embedded store (mongo-java-server, in memory): the province's
 * reports of a year and of the year before, another province's beside them, then the scorecard pipeline and its
 * workbook, timed over several rounds after a warm-up. Not a test: run by hand (docs/BENCHMARKS.md).
 *
 * <p>Arguments: reports per year in the province (20000), rounds (5).
 */
public final class ScorecardMeasurement {
    private static final int YEAR = 2024;
    private static final int BATCH = 1000;

    private ScorecardMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int perYear = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Without a logging configuration every level is on, and the embedded store then renders each wire message
        // it sends as a string at DEBUG (megabytes per reply): as the service runs it (Quarkus, INFO), it does not.
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> reports = client.getDatabase("nianbao").getCollection(ReportRepository.COLLECTION);
            long loading = System.nanoTime();
            // Last year's agencies, 2.5% of them not reporting this year (missing), and half as many reports of another
            // province.
            insert(reports, "64", YEAR, perYear, perYear / 40);
            insert(reports, "64", YEAR - 1, perYear, 0);
            insert(reports, "41", YEAR, perYear / 2, 0);
            System.out.printf("stored %d documents in %d ms%n", reports.countDocuments(),
                    (System.nanoTime() - loading) / 1_000_000);
            ComparisonRepository repository = new ComparisonRepository(client, "nianbao");
            repository.scorecard("64", YEAR, null, null);
            long[] pipeline = new long[rounds];
            long[] workbook = new long[rounds];
            long[] answer = new long[rounds];
            // The reply as the REST layer writes it (Jackson, as Quarkus REST does): what /api/reviews costs beyond the
            // repository.
            ObjectMapper json = new ObjectMapper().findAndRegisterModules();
            Scorecard scorecard = null;
            int bytes = 0;
            int replyBytes = 0;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                scorecard = repository.scorecard("64", YEAR, null, null);
                pipeline[round] = (System.nanoTime() - start) / 1_000_000;
                replyBytes = json.writeValueAsBytes(scorecard).length;
                answer[round] = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ScorecardWorkbook.write(scorecard, out);
                workbook[round] = (System.nanoTime() - start) / 1_000_000;
                bytes = out.size();
            }
            Arrays.sort(pipeline);
            Arrays.sort(workbook);
            Arrays.sort(answer);
            System.out.printf("scorecard of %d agencies (%d missing): median %d ms (min %d, max %d) over %d rounds%n",
                    scorecard.entries().size(), scorecard.missing().size(), pipeline[rounds / 2], pipeline[0],
                    pipeline[rounds - 1], rounds);
            System.out.printf("with its JSON reply (%d KB): median %d ms (min %d, max %d)%n", replyBytes / 1024,
                    answer[rounds / 2], answer[0], answer[rounds - 1]);
            System.out.printf("workbook %d KB: median %d ms (min %d, max %d)%n", bytes / 1024, workbook[rounds / 2],
                    workbook[0], workbook[rounds - 1]);
        } finally {
            server.shutdown();
        }
    }

    /** {@code count} agencies' reports of the year (the first {@code skip} left out), spread over 20 counties. */
    private static void insert(MongoCollection<Document> reports, String province, int year, int count, int skip) {
        List<Document> batch = new ArrayList<>();
        for (int agency = skip; agency < count; agency++) {
            String county = province + String.format("%02d%02d", 1 + agency % 5, 1 + agency % 20);
            ValidatedReport report = agency % 7 == 0
                    ? validated("r" + province + year + "-" + agency, "机关" + agency, year, province, "p1",
                            finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED))
                    : validated("r" + province + year + "-" + agency, "机关" + agency, year, province, "p1");
            batch.add(ReportDocuments.of(withFigures(report, county, agency % 50, agency % 30), Instant.now()));
            if (batch.size() == BATCH) {
                reports.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            reports.insertMany(batch);
        }
    }
}
