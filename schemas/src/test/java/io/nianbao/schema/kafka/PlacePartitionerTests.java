package io.nianbao.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.CopyFound;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.ValidatedReport;

class PlacePartitionerTests {
    private static final int PARTITIONS = 12;

    @Test
    void aCountysGovernmentItsTownsAndTheirYearsMeetInOnePartitionWhateverTheirKeys() {
        List<Integer> partitions = List.of(
                partition("64|盐池县人民政府", report("640323", "640323100")),
                partition("64|盐池县花马池镇人民政府", report("640323", "640323100")),
                partition("64|盐池县惠安堡镇人民政府", report("640323", "640323102")),
                partition("64|盐池县财政局", report("640323", null)));

        assertThat(partitions).containsOnly(partitions.get(0));
        // and the keys alone would have spread them
        assertThat(IntStream.of(0, 1, 2, 3).map(i -> BuiltInPartitioner.partitionForKey(bytes(List.of(
                "64|盐池县人民政府", "64|盐池县花马池镇人民政府", "64|盐池县惠安堡镇人民政府", "64|盐池县财政局").get(i)), PARTITIONS))
                .distinct().count()).isGreaterThan(1);
    }

    @Test
    void countiesSpreadOverThePartitions() {
        long used = IntStream.range(0, 200).map(county -> partition("64|局", report(String.valueOf(640000 + county), null)))
                .distinct().count();

        assertThat(used).isEqualTo(PARTITIONS);
    }

    @Test
    void aReportResolvedToItsProvinceOnlyGoesByTheProvince() {
        assertThat(partition("64|宁夏回族自治区财政厅", report(null, null, "64")))
                .isEqualTo(partition("64|宁夏回族自治区教育厅", report(null, null, "64")))
                .isEqualTo(PlacePartitioner.partition(bytes("x"), report(null, null, "64"), PARTITIONS))
                .isEqualTo(BuiltInPartitioner.partitionForKey(bytes("64"), PARTITIONS));
    }

    @Test
    void aReportResolvedToNoPlaceGoesByItsKeyAsKafkasDefaultPartitionerWould() {
        for (String key : List.of("33|某某局", "|#" + "ab".repeat(32), "|某局")) {
            assertThat(partition(key, report(null, null, null)))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(bytes(key), PARTITIONS));
        }
    }

    @Test
    void rawReportsArePartitionedByTheirKeyAsBefore() {
        RawReport raw = new RawReport();
        raw.setProvinceHint("64");

        for (String key : List.of("64|盐池县人民政府", "64|盐池县财政局", "|#cafe")) {
            assertThat(PlacePartitioner.partition(bytes(key), raw, PARTITIONS))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(bytes(key), PARTITIONS));
        }
    }

    @Test
    void aReportsVerdictAndHistoryEntryGoWhereTheReportWent() {
        ParsedReport report = report("640323", "640323100");
        ValidatedReport verdict = new ValidatedReport();
        verdict.setReport(report);
        ReportHistoryEntry entry = new ReportHistoryEntry();
        entry.setReport(report);

        assertThat(List.of(partition("a", verdict), partition("b", entry))).containsOnly(partition("c", report));
    }

    @Test
    void aCopyFoundGoesWhereTheReportItNamesWentAndByItsKeyWhenThatHadNoPlace() {
        CopyFound found = new CopyFound();
        found.setPlace("640323");
        assertThat(partition("64|盐池县青山乡人民政府", found)).isEqualTo(partition("x", report("640323", null)));

        found.setPlace(null);
        assertThat(partition("33|某某局", found)).isEqualTo(partition("33|某某局", report(null, null, null)));
    }

    @Test
    void aProducerConfiguredWithItAsksTheClusterHowManyPartitionsTheTopicHas() {
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> infos = IntStream.range(0, 3)
                .mapToObj(p -> new PartitionInfo("reports.parsed", p, node, new Node[] {node}, new Node[] {node}))
                .toList();
        Cluster cluster = new Cluster("c", List.of(node), infos, Set.of(), Set.of());
        ParsedReport report = report("640323", null);

        assertThat(new PlacePartitioner().partition("reports.parsed", "k", bytes("k"), report, null, cluster))
                .isEqualTo(PlacePartitioner.partition(bytes("k"), report, 3));
    }

    private static int partition(String key, Object value) {
        return PlacePartitioner.partition(bytes(key), value, PARTITIONS);
    }

    private static ParsedReport report(String county, String town) {
        return report(county, town, "64");
    }

    private static ParsedReport report(String county, String town, String province) {
        ParsedReport report = new ParsedReport();
        report.setDivision(Division.newBuilder().setProvinceCode(province).setCountyCode(county).setTownCode(town)
                .build());
        return report;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
