package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.cli.BenchReports;
import io.nianbao.localstack.KafkaTopics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.ParsedReportDeserializer;
import io.nianbao.schema.kafka.PlacePartitioner;

/**
 * Two instances of parse-service and of validate-service on one broker, as scaling out runs them: each validate
 * instance owns part of reports.parsed's partitions and holds only the history of those partitions' agencies; one
 * of them is killed with work of its partitions waiting, and the survivor takes its partitions over with their
 * history, restored from the changelogs: every report is stored once, and each verdict is the one the reports'
 * construction decides — the year-to-year CARRY-CHAIN among them, for the agencies of both instances alike; a copy
 * arriving on one instance of a report the other keeps flags both. Then a parse instance is killed with raw reports
 * of its partitions waiting: the other parses them, every one stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutEndToEndIT {
    private static final Path DATA = Path.of("target", "e2e-scale-out-stack");
    private static final Duration WITHIN = Duration.ofSeconds(180);
    private static final int PARTITIONS = KafkaTopics.DEFAULT_PARTITIONS;
    private static final ReportParser PARSER = new ReportParser();
    private static final int REPORTS_WHILE_A_PARSER_IS_FROZEN = 24;

    private LocalStack stack;
    private PipelineClient client;
    private final List<String> validators = new ArrayList<>();
    private String secondParser;

    @BeforeAll
    void startTwoInstancesOfTheStatelessAndTheStatefulStage() {
        // A killed instance's partitions move once its session times out: 10 s here rather than Kafka's 45 s.
        stack = E2eStack.start(DATA, Map.of("NIANBAO_STREAMS_SESSION_TIMEOUT_MS", "10000"));
        client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE), stack.apiKey());
        secondParser = stack.startInstance(ServiceProcess.PARSE);
        validators.add(ServiceProcess.VALIDATE);
        validators.add(stack.startInstance(ServiceProcess.VALIDATE));
    }

    @AfterAll
    void stopThePipeline() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theInstancesDivideThePartitionsAndTheirHistoryAndASurvivorTakesOverAKilledOnesWithItsHistory() throws Exception {
        Map<String, Set<Integer>> owned = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(this::ownedPartitions, ScaleOutEndToEndIT::dividedBetweenBoth);
        String survivor = validators.get(0);
        String killed = validators.get(1);
        try (PipelineTopics topics = new PipelineTopics(stack.bootstrapServers())) {
            assertThat(topics.membersWithPartitions("parse-service", Topics.RAW)).as("parse-service instances with partitions")
                    .isEqualTo(2);

            // An agency with its chain intact and one with it broken on every partition: on both instances.
            List<AgencyYears.Pair> pairs = pairsOnEveryPartition();
            Map<String, String> earlier = new HashMap<>();
            for (AgencyYears.Pair pair : pairs) {
                earlier.put(pair.agency(), accepted(pair.agency() + "-" + AgencyYears.EARLIER + ".txt", pair.earlier()));
            }
            earlier.values().forEach(this::awaitStored);

            // Each instance holds the history of its own partitions' agencies, and of no other.
            Map<String, Integer> partitionOfAgency = new HashMap<>();
            pairs.forEach(pair -> partitionOfAgency.put(pair.agency(), partitionOf(pair.county().code())));
            Set<String> held = new HashSet<>();
            for (String validator : validators) {
                for (int partition : owned.get(validator)) {
                    for (String agencyYear : agencyYears(validator, partition)) {
                        // <province>|<agency>|<year>
                        String agency = agencyYear.split("\\|")[1];
                        assertThat(partitionOfAgency.get(agency)).as("%s holds %s on partition %d", validator, agencyYear,
                                partition).isEqualTo(partition);
                        held.add(agency);
                    }
                }
            }
            assertThat(held).as("the agencies both instances hold").isEqualTo(partitionOfAgency.keySet());

            // A copy of a kept report, by an agency of a county on a partition the other instance owns: the copy
            // is flagged where it arrives (the global fingerprint index), and the report it copies is judged again
            // by the instance that keeps it, told through reports.copies-found.
            Set<String> countiesUsed = new HashSet<>();
            pairs.forEach(pair -> countiesUsed.add(pair.county().code()));
            AgencyYears.Pair original = pairs.get(0);
            String originalId = earlier.get(original.agency());
            String keeper = ownerOf(owned, partitionOf(original.county().code()));
            String other = validators.get(1 - validators.indexOf(keeper));
            BenchReports.BenchReport copier = agencyOnAPartitionOf(owned.get(other), countiesUsed);
            countiesUsed.add(copier.county().code());
            byte[] copy = original.earlierCopiedBy(copier.agency());
            assertThat(PARSER.parse(copy, SourceInfo.ofFile("copy.txt")).getDivision().getCountyCode())
                    .as("the county the parser reads for the copy").isEqualTo(copier.county().code());
            String copyId = accepted("copy.txt", copy);
            assertThat(copiesNamed(awaitStored(copyId))).as("the copy's COPY-PEER findings")
                    .anySatisfy(found -> assertThat(found).contains(originalId));
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                    copiesNamed(awaitStored(originalId))).as("the COPY-PEER findings of the report copied, kept by %s",
                            keeper).anySatisfy(found -> assertThat(found).contains(copyId)));

            // The later years: those with the chain intact judged by both instances; then, while one instance is
            // frozen, those with the chain broken, which on its partitions wait for it until it dies.
            Map<String, String> later = new HashMap<>();
            for (AgencyYears.Pair pair : pairs) {
                if (!pair.chainBroken()) {
                    later.put(pair.agency(), accepted(pair.agency() + "-" + AgencyYears.LATER + ".txt", pair.later()));
                }
            }
            later.values().forEach(this::awaitStored);
            E2eStack.freeze(stack, killed);
            for (AgencyYears.Pair pair : pairs) {
                if (pair.chainBroken()) {
                    later.put(pair.agency(), accepted(pair.agency() + "-" + AgencyYears.LATER + ".txt", pair.later()));
                }
            }
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                    topics.lag("validate-service", Topics.PARSED, owned.get(killed))).as("reports on %s's partitions", killed)
                    .isEqualTo(owned.get(killed).size()));
            stack.kill(killed);

            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    ownedBy(survivor)).as("partitions %s owns after the kill", survivor).hasSize(PARTITIONS));
            for (AgencyYears.Pair pair : pairs) {
                JsonNode stored = awaitStored(later.get(pair.agency()));
                assertThat(stored.path("year").asInt()).isEqualTo(AgencyYears.LATER);
                assertThat(failedRules(stored).contains("CARRY-CHAIN"))
                        .as("CARRY-CHAIN of %s (partition %d, chain broken: %s)", pair.agency(),
                                partitionOf(pair.county().code()), pair.chainBroken())
                        .isEqualTo(pair.chainBroken());
            }
            assertThat(client.reports("size=1").body().path("total").asInt()).as("reports stored, the copy with them")
                    .isEqualTo(2 * pairs.size() + 1);

            // A parse instance frozen while reports arrive: the other parses those of its own partitions, those of
            // the frozen one's wait in reports.raw; then it is killed, and the other takes them over (once the
            // group's session of the killed one times out) and parses them, each stored once. Frozen once both
            // have committed what they parsed (their commits are periodic), so that what waits is the new. The
            // reports are of other counties than the pairs', so that none is a version of a report stored already.
            int stored = 2 * pairs.size() + 1;
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                    topics.lag("parse-service", Topics.RAW)).as("raw reports not committed by parse-service").isZero());
            E2eStack.freeze(stack, secondParser);
            BenchReports reports = new BenchReports();
            List<String> waiting = new ArrayList<>();
            for (int n = 0; waiting.size() < REPORTS_WHILE_A_PARSER_IS_FROZEN; n++) {
                BenchReports.BenchReport report = reports.report(n);
                if (!countiesUsed.contains(report.county().code())) {
                    waiting.add(accepted("report-" + n + ".txt", report.text().getBytes(StandardCharsets.UTF_8)));
                }
            }
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                long unparsed = topics.lag("parse-service", Topics.RAW);
                long parsed = topics.records(Topics.PARSED, new ParsedReportDeserializer()).stream()
                        .filter(record -> waiting.contains(record.value().getReportId())).count();
                assertThat(unparsed).as("raw reports waiting for the frozen parser").isPositive();
                assertThat(parsed + unparsed).as("the reports parsed or waiting in reports.raw (%d waiting)", unparsed)
                        .isEqualTo(REPORTS_WHILE_A_PARSER_IS_FROZEN);
            });
            stack.kill(secondParser);
            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    client.reports("size=1").body().path("total").asInt()).as("reports stored")
                    .isEqualTo(stored + REPORTS_WHILE_A_PARSER_IS_FROZEN));
            waiting.forEach(id -> assertThat(client.report(id).status()).as("report %s", id).isEqualTo(200));
        }
    }

    /**
     * Two agencies (the chain intact, then broken) in counties of every partition. That the parser places each in
     * its county is checked here, since the partition follows from it.
     */
    private static List<AgencyYears.Pair> pairsOnEveryPartition() throws Exception {
        AgencyYears years = new AgencyYears();
        Map<Integer, Integer> found = new HashMap<>();
        List<AgencyYears.Pair> pairs = new ArrayList<>();
        for (int n = 0; found.size() < PARTITIONS || found.values().stream().anyMatch(count -> count < 2); n++) {
            int partition = partitionOf(years.agency(n).county().code());
            int count = found.merge(partition, 1, Integer::sum);
            if (count <= 2) {
                AgencyYears.Pair pair = years.pair(n, count == 2);
                for (byte[] text : List.of(pair.earlier(), pair.later())) {
                    ParsedReport parsed = PARSER.parse(text, SourceInfo.ofFile(pair.agency() + ".txt"));
                    assertThat(parsed.getDivision().getCountyCode()).as("the county the parser reads for %s", pair.agency())
                            .isEqualTo(pair.county().code());
                    assertThat(PlacePartitioner.partition(null, parsed, PARTITIONS)).isEqualTo(partition);
                }
                pairs.add(pair);
            }
        }
        return pairs;
    }

    /** An agency {@code bench} names, of a county on one of the partitions given, none of the counties used. */
    private static BenchReports.BenchReport agencyOnAPartitionOf(Set<Integer> partitions, Set<String> countiesUsed) {
        BenchReports agencies = new BenchReports();
        for (int n = 0;; n++) {
            BenchReports.BenchReport agency = agencies.report(n);
            String county = agency.county().code();
            if (!countiesUsed.contains(county) && partitions.contains(partitionOf(county))) {
                return agency;
            }
        }
    }

    private static String ownerOf(Map<String, Set<Integer>> owned, int partition) {
        return owned.entrySet().stream().filter(owner -> owner.getValue().contains(partition)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** What the report's COPY-PEER findings name: {@code <agency> <year> (<report id>)} each. */
    private static List<String> copiesNamed(JsonNode report) {
        return findings(report).filter(finding -> "COPY-PEER".equals(finding.path("ruleId").asText()))
                .map(finding -> finding.path("found").asText()).toList();
    }

    /**
     * The partition of a county's reports, as every producer of the report topics places them: PlacePartitioner
     * hashes the county code as it hashes a key.
     */
    private static int partitionOf(String countyCode) {
        return PlacePartitioner.partition(countyCode.getBytes(StandardCharsets.UTF_8), null, PARTITIONS);
    }

    private Map<String, Set<Integer>> ownedPartitions() {
        Map<String, Set<Integer>> owned = new HashMap<>();
        validators.forEach(validator -> owned.put(validator, ownedBy(validator)));
        return owned;
    }

    /** The partitions of reports.parsed the instance owns while it runs; none while it rebalances or restores. */
    private Set<Integer> ownedBy(String validator) {
        JsonNode state = client.get(stack.url(validator) + "/api/state").body();
        return "RUNNING".equals(state.path("state").asText()) ? partitions(state) : Set.of();
    }

    private static Set<Integer> partitions(JsonNode state) {
        Set<Integer> partitions = new TreeSet<>();
        state.path("partitions").forEach(partition -> partitions.add(partition.path("partition").asInt()));
        return partitions;
    }

    /** Both instances own partitions, none owned twice, none owned by neither. */
    private static boolean dividedBetweenBoth(Map<String, Set<Integer>> owned) {
        Set<Integer> all = new HashSet<>();
        int sum = 0;
        for (Set<Integer> partitions : owned.values()) {
            if (partitions.isEmpty()) {
                return false;
            }
            all.addAll(partitions);
            sum += partitions.size();
        }
        return all.size() == PARTITIONS && sum == PARTITIONS;
    }

    private List<String> agencyYears(String validator, int partition) {
        PipelineClient.Response response = client.get(stack.url(validator) + "/api/state/partitions/" + partition);
        assertThat(response.status()).as("%s's partition %d", validator, partition).isEqualTo(200);
        List<String> agencyYears = new ArrayList<>();
        response.body().path("agencyYears").forEach(agencyYear -> agencyYears.add(agencyYear.asText()));
        return agencyYears;
    }

    private static List<String> failedRules(JsonNode report) {
        return findings(report).filter(finding -> "FAILED".equals(finding.path("outcome").asText()))
                .map(finding -> finding.path("ruleId").asText()).toList();
    }

    private static Stream<JsonNode> findings(JsonNode report) {
        return StreamSupport.stream(report.path("findings").spliterator(), false);
    }

    private String accepted(String fileName, byte[] content) {
        PipelineClient.Response response = client.upload(fileName, content);
        assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
        return response.body().path("id").asText();
    }

    private JsonNode awaitStored(String reportId) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> client.report(reportId), r -> r.status() == 200).body();
    }
}
