package io.nianbao.validate.repository;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nianbao.corpus.LabelledReport;
import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.validate.stream.TopologyHarness;

/**
 * Not a test: what a report costs validate-service as its county-year fills (docs/BENCHMARKS.md), measured by hand.
 * One county government's report, then {@code N} reports of its departments, all of one county and year, each a
 * generated report parsed from its text rendering beforehand (real-sized), through the topology on a
 * TopologyTestDriver; the thread's CPU time per arrival, averaged over blocks of 25, in a second county after a
 * first one warmed the JVM up. bench's counties hold one or two reports each: this
 * is the county of a whole country's history, a hundred reports and more a year. Run from the repository root:
 * <pre>
 * ./mvnw -o -q -pl validate-service -am test-compile
 * ./mvnw -o -q -pl validate-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp validate-service/target/test-classes:validate-service/target/classes:$(cat /tmp/cp.txt) \
 *   io.nianbao.validate.repository.CountyYearScale 200
 * </pre>
 */
public final class CountyYearScale {
    private static final int BLOCK = 25;
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);

    private CountyYearScale() {
    }

    public static void main(String[] args) throws Exception {
        int departments = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ReportParser parser = new ReportParser();
        ReportGenerator generator = new ReportGenerator(2026, 0.0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path state = Files.createTempDirectory("county-year-scale");
        try (TopologyHarness harness = new TopologyHarness(new RuleEngine(), state)) {
            // The first county warms the JVM up; the second is measured.
            for (String county : List.of("640324", "640323")) {
                List<byte[]> reports = new ArrayList<>();
                for (int n = 0; n <= departments; n++) {
                    int generated = county.equals("640324") ? n : departments + 1 + n;
                    reports.add(CODEC.encode(inTheCounty(parser, generator.report(generated), county, n)));
                }
                harness.send(county + "|0", reports.get(0), null);
                long block = threads.getCurrentThreadCpuTime();
                for (int n = 1; n <= departments; n++) {
                    harness.send(county + "|" + n, reports.get(n), null);
                    if (n % BLOCK == 0 && county.equals("640323")) {
                        long now = threads.getCurrentThreadCpuTime();
                        System.out.printf(Locale.ROOT, "departments %3d–%3d: %.2f ms CPU an arrival%n", n - BLOCK + 1,
                                n, (now - block) / 1e6 / BLOCK);
                    }
                    if (n % BLOCK == 0) {
                        block = threads.getCurrentThreadCpuTime();
                    }
                    harness.validated.clear();
                    harness.alerts.clear();
                }
            }
        }
    }

    /** The generated report as the county's government's (0) or its n-th department's, in 2023. */
    private static ParsedReport inTheCounty(ReportParser parser, LabelledReport generated, String county, int n)
            throws Exception {
        ParsedReport parsed = parser.parse(Form.TEXT.render(generated), SourceInfo.ofFile(generated.id() + ".txt"));
        return ParsedReport.newBuilder(parsed).setAgency(n == 0 ? county + "县人民政府" : county + "县第" + n + "局")
                .setYear(2023).setDivision(Division.newBuilder(parsed.getDivision()).setProvinceCode("64")
                        .setProvinceName("宁夏回族自治区").setCityCode("6403").setCityName("吴忠市").setCountyCode(county)
                        .setCountyName(county + "县").setTownCode(null).setTownName(null).build())
                .build();
    }
}
