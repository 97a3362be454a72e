package io.nianbao.validate.repository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.DefaultRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;

import io.nianbao.corpus.LabelledReport;
import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.HistoryIndex;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.ParsedReport;

/**
 * Not a test: the bytes one agency-year takes in the global fingerprint index (reports.fingerprints, and every
 * instance's global store), measured by hand (docs/BENCHMARKS.md). Generated reports are parsed from their text
 * rendering, as parse-service would, and each report's index records ({@link FingerprintIndex#changes} for a new
 * entry) are sized: key and value bytes (what the global store holds) and the record as a compacted log keeps it
 * (Kafka's v2 record format, without the batch headers). With a directory, its {@code .txt} report files (e.g.
 * {@code samples/real-reports}) are measured too. Run from the repository root:
 * <pre>
 * ./mvnw -o -q -pl validate-service -am test-compile
 * ./mvnw -o -q -pl validate-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp validate-service/target/test-classes:validate-service/target/classes:$(cat /tmp/cp.txt) \
 *   io.nianbao.validate.repository.FingerprintIndexSize 5000 samples/real-reports
 * </pre>
 */
public final class FingerprintIndexSize {
    private static final Header[] NO_HEADERS = new Header[0];
    /** The agency-years the index holds at national scale (issue 12). */
    private static final long NATIONAL = 2_000_000;

    private FingerprintIndexSize() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        ReportParser parser = new ReportParser();
        List<ParsedReport> generated = new ArrayList<>();
        for (LabelledReport report : new ReportGenerator(2026, 0.0).reports(count)) {
            generated.add(parser.parse(Form.TEXT.render(report), SourceInfo.ofFile(report.id() + ".txt")));
        }
        print("generated corpus (seed 2026)", generated);
        if (args.length > 1) {
            List<ParsedReport> real = new ArrayList<>();
            try (var files = Files.list(Path.of(args[1]))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    real.add(parser.parse(Files.readAllBytes(file), SourceInfo.ofFile(file.toString())));
                }
            }
            print(args[1], real);
        }
    }

    private static void print(String corpus, List<ParsedReport> reports) {
        long records = 0;
        long sentences = 0;
        long stored = 0;
        long logged = 0;
        int fingerprinted = 0;
        for (ParsedReport report : reports) {
            if (report.getYear() == null) {
                // Not kept, as the service keeps no report without a year: counted as taking nothing.
                continue;
            }
            String entryKey = HistoryIndex.entryKey(AgencyKey.of(province(report), report.getAgency(),
                    report.getReportId()), report.getYear());
            List<KeyValue<Bytes, byte[]>> changes = FingerprintIndex.changes(entryKey, null, report).stream()
                    .filter(change -> change.value != null).toList();
            fingerprinted += changes.isEmpty() ? 0 : 1;
            records += changes.size();
            sentences += Math.max(0, changes.size() - 1);
            for (KeyValue<Bytes, byte[]> change : changes) {
                int key = change.key.get().length;
                stored += key + change.value.length;
                // Offset and timestamp deltas of a few bytes each, as within a batch.
                logged += DefaultRecord.sizeInBytes(100, 100L, key, change.value.length, NO_HEADERS);
            }
        }
        double perStored = (double) stored / reports.size();
        double perLogged = (double) logged / reports.size();
        System.out.printf(Locale.ROOT, "%s: %,d reports (%,d with a fingerprint), %.1f sentences and %.1f records "
                        + "each; per agency-year %.0f bytes of keys and values, %.0f bytes as log records; "
                        + "%,d agency-years: %.2f GB stored, %.2f GB logged%n",
                corpus, reports.size(), fingerprinted, (double) sentences / reports.size(),
                (double) records / reports.size(), perStored, perLogged, NATIONAL, perStored * NATIONAL / 1e9,
                perLogged * NATIONAL / 1e9);
    }

    /** The province code, as parse-service keys its records. */
    private static String province(ParsedReport report) {
        return report.getDivision() == null ? null : report.getDivision().getProvinceCode();
    }
}
