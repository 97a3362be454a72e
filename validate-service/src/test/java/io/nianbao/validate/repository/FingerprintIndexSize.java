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
import io.nianbao.rules.catalogue.TextFingerprint;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.FingerprintEntry;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;

/**
 * Not a test: the bytes one agency-year takes in the global fingerprint index (reports.fingerprints, and every
 * instance's global store), measured by hand (docs/BENCHMARKS.md). Generated reports are parsed from their text
 * rendering, as parse-service would, and each report's index record ({@link FingerprintIndex#record}) is sized: key
 * and value bytes, the record as a compacted log keeps it (Kafka's v2 record format, without the batch headers),
 * and what the global store keeps of it (the record without its sentences, them as a list, and a key per sentence). With a directory, its {@code .txt} report files (e.g.
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
    private static final AvroCodec<FingerprintEntry> ENTRIES = AvroCodec.of(FingerprintEntry.class);
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
        long sentences = 0;
        long recorded = 0;
        long logged = 0;
        long stored = 0;
        int fingerprinted = 0;
        for (ParsedReport report : reports) {
            if (report.getYear() == null) {
                // Not kept, as the service keeps no report without a year: counted as taking nothing.
                continue;
            }
            String entryKey = HistoryIndex.entryKey(AgencyKey.of(province(report), report.getAgency(),
                    report.getReportId()), report.getYear());
            KeyValue<Bytes, byte[]> record = FingerprintIndex.record(entryKey, report);
            if (record.value == null) {
                continue;
            }
            fingerprinted++;
            int held = TextFingerprint.of(report).size();
            sentences += held;
            int key = record.key.get().length;
            recorded += key + record.value.length;
            // Offset and timestamp deltas of a few bytes each, as within a batch.
            logged += DefaultRecord.sizeInBytes(100, 100L, key, record.value.length, NO_HEADERS);
            // The global store: the record without its sentences, them under 'L' <entry> (8 bytes each), and a key
            // 'S' <sentence> <entry> (17 bytes, empty value) a sentence.
            int withoutSentences = ENTRIES.encode(FingerprintEntry.newBuilder(ENTRIES.decode(record.value))
                    .setSentenceHashes(List.of()).build()).length;
            stored += key + withoutSentences + key + (long) held * Long.BYTES + held * (1L + 2 * Long.BYTES);
        }
        double perLogged = (double) logged / reports.size();
        double perStored = (double) stored / reports.size();
        System.out.printf(Locale.ROOT, "%s: %,d reports (%,d with a fingerprint), %.1f sentences each; per "
                        + "agency-year one record of %.0f bytes of key and value, %.0f bytes as a log record, %.0f bytes "
                        + "in the global store (without the holder counts); %,d agency-years: %.2f GB logged, %.2f GB "
                        + "stored%n",
                corpus, reports.size(), fingerprinted, (double) sentences / reports.size(),
                (double) recorded / reports.size(), perLogged, perStored, NATIONAL, perLogged * NATIONAL / 1e9,
                perStored * NATIONAL / 1e9);
    }

    /** The province code, as parse-service keys its records. */
    private static String province(ParsedReport report) {
        return report.getDivision() == null ? null : report.getDivision().getProvinceCode();
    }
}
