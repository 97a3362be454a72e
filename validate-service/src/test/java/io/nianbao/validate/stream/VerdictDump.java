package io.nianbao.validate.stream;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;

import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.TruthFiles;
import io.nianbao.corpus.render.Form;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Alert;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.repository.PartitionHistory;

/**
 * Every verdict, alert and dead letter the topology gives for generated reports, written out without the times it
 * stamps them with: run it in two builds and compare the files to show that a change to the history or the rules
 * leaves the verdicts as they were (docs/BENCHMARKS.md). The reports are the corpus generator's (seed 2026), their
 * agencies placed so that every kind of history lookup has something to find: each agency three years in a row
 * (CARRY-CHAIN, COPY-PRIOR, PUB-CHANGED), four agencies a county, one of them its government (HIER-SUM), the
 * generator's shared wording across all of them (COPY-PEER's lookups, boilerplate). Two instances, odd and even
 * counties, each reading what the other publishes to the global fingerprint index after every report: copies kept
 * in the other partition are found there, and the copies found of a report the other instance keeps are sent to it,
 * which judges the report again; every tenth report copies the prose of the seventh before it, as agencies copy
 * across counties.
 * <p>
 * It prints how many values each of the history's stores holds and their bytes, the state's bytes on disk, then the
 * time taken.
 * <p>
 * {@code VerdictDump <reports> <output file>}
 */
public final class VerdictDump {
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);
    private static final int YEARS = 3;
    private static final int AGENCIES_A_COUNTY = 4;

    public static void main(String[] args) throws IOException {
        int reports = Integer.parseInt(args[0]);
        Path output = Path.of(args[1]);
        int agencies = Math.max(1, reports / YEARS);
        int counties = Math.max(1, agencies / AGENCIES_A_COUNTY);
        ReportGenerator generator = new ReportGenerator(2026, 0);
        long start = System.nanoTime();
        Path evenState = Files.createTempDirectory("verdicts-");
        Path oddState = Files.createTempDirectory("verdicts-");
        try (TopologyHarness even = new TopologyHarness(new RuleEngine(), evenState);
                TopologyHarness odd = new TopologyHarness(new RuleEngine(), oddState);
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            int[] published = new int[2];
            for (int n = 0; n < reports; n++) {
                int agency = n % agencies;
                int county = agency % counties;
                ParsedReport generated = TruthFiles.truthOf(generator.report(n), Form.TEXT, 0);
                if (n % 10 == 9) {
                    generated.setNarrative(TruthFiles.truthOf(generator.report(n - 7), Form.TEXT, 0).getNarrative());
                }
                ParsedReport report = placed(generated, agency, county, agency < counties, 2021 + n / agencies);
                TopologyHarness harness = county % 2 == 0 ? even : odd;
                TopologyHarness other = harness == even ? odd : even;
                harness.send(AgencyKey.of(report.getDivision().getCountyCode(), report.getAgency(), report.getReportId()),
                        CODEC.encode(report), null);
                List<TestRecord<Bytes, byte[]>> fingerprints = harness.publishedFingerprints();
                other.indexFromElsewhere(fingerprints.subList(published[county % 2], fingerprints.size()));
                published[county % 2] = fingerprints.size();
                // The copies found of reports the other instance keeps: judged again there.
                other.copiesFoundElsewhere(harness.copiesFound.received());
                harness.copiesFound.clear();
                for (TopologyHarness instance : List.of(harness, other)) {
                    print(n, instance, out);
                }
            }
            for (String store : PartitionHistory.storeNames()) {
                printSize(store, even, odd);
            }
            System.out.printf("the two instances' state on disk, their stores flushed: %d bytes%n",
                    flushedBytes(even, evenState) + flushedBytes(odd, oddState));
        }
        System.out.printf("%d reports judged in %.1f s; verdicts in %s%n", reports, (System.nanoTime() - start) / 1e9,
                output);
    }

    /** What the instance published since it was last printed: verdicts with their findings, alerts, dead letters. */
    private static void print(int n, TopologyHarness instance, PrintWriter out) {
        for (TopologyHarness.Received<ValidatedReport> verdict : instance.validated.received()) {
            ValidatedReport validated = verdict.payload();
            out.printf("%d verdict %s %s %s%n", n, verdict.key(), validated.getReport().getReportId(),
                    validated.getStatus());
            for (Object finding : validated.getFindings()) {
                out.printf("%d   %s%n", n, finding);
            }
        }
        for (TopologyHarness.Received<Alert> alert : instance.alerts.received()) {
            out.printf("%d alert %s %s %s%n", n, alert.key(), alert.payload().getAlertId(), alert.payload().getFinding());
        }
        for (TopologyHarness.Received<DeadLetter> deadLetter : instance.deadLetters.received()) {
            out.printf("%d dead letter %s %s%n", n, deadLetter.key(), deadLetter.payload().getReason());
        }
        List.of(instance.validated, instance.alerts, instance.deadLetters).forEach(TopologyHarness.Sink::clear);
    }

    /** How many values the store holds in the two instances, and their bytes (keys left out). */
    private static void printSize(String store, TopologyHarness... instances) {
        long values = 0;
        long bytes = 0;
        for (TopologyHarness instance : instances) {
            try (KeyValueIterator<String, byte[]> all = instance.store(store).all()) {
                while (all.hasNext()) {
                    values++;
                    bytes += all.next().value.length;
                }
            }
        }
        System.out.printf("store %s: %d values, %d bytes, %.0f bytes a value%n", store, values, bytes,
                values == 0 ? 0.0 : (double) bytes / values);
    }

    /** The bytes of an instance's state directory once its history's stores wrote what they hold to their files. */
    private static long flushedBytes(TopologyHarness instance, Path stateDir) throws IOException {
        PartitionHistory.storeNames().forEach(store -> instance.store(store).flush());
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** The report as agency {@code agency}'s of {@code year}, in county {@code county}, its government or not. */
    private static ParsedReport placed(ParsedReport report, int agency, int county, boolean government, int year) {
        String countyCode = Integer.toString(110_000 + county);
        String name = "第" + countyCode + "县" + (government ? "人民政府" : "第" + agency + "局");
        return ParsedReport.newBuilder(report)
                .setReportId(report.getReportId() + "-" + agency + "-" + year)
                .setAgency(name)
                .setYear(year)
                .setTitleYear(year)
                .setPeriodYear(year)
                .setDivision(Division.newBuilder(report.getDivision()).setStatus("resolved").setProvinceCode("11")
                        .setCountyCode(countyCode).setTownCode(null).build())
                .build();
    }
}
