package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class StackCpuTests {

    @Test
    void theJitsAndTheCollectorsSharesAreTheirThreadsTicksBetweenTheReadings() {
        StackCpu.Reading start = reading(Map.of(
                "1", new StackCpu.NamedTicks("C2 CompilerThre", 500),
                "2", new StackCpu.NamedTicks("executor-thread", 100),
                "3", new StackCpu.NamedTicks("G1 Conc#0", 10)));
        StackCpu.Reading stop = reading(Map.of(
                "1", new StackCpu.NamedTicks("C2 CompilerThre", 530),
                "2", new StackCpu.NamedTicks("executor-thread", 160),
                "3", new StackCpu.NamedTicks("G1 Conc#0", 15),
                // Started between the readings: all its ticks are of the interval.
                "4", new StackCpu.NamedTicks("C1 CompilerThre", 5)));

        StackCpu.Shares shares = StackCpu.Shares.between(start, stop).orElseThrow();

        assertThat(shares.jit()).isCloseTo(35 / 100.0, within(1e-9));
        assertThat(shares.gc()).isCloseTo(5 / 100.0, within(1e-9));
    }

    @Test
    void withoutTheThreadsNamedThereAreNoShares() {
        StackCpu.Reading unnamed = new StackCpu.Reading(Duration.ofSeconds(3), Optional.empty());

        assertThat(StackCpu.Shares.between(unnamed, unnamed)).isEmpty();
        assertThat(StackCpu.Shares.between(reading(Map.of("1", new StackCpu.NamedTicks("main", 7))),
                reading(Map.of("1", new StackCpu.NamedTicks("main", 7))))).as("no tick between the readings").isEmpty();
    }

    @Test
    void hotSpotsThreadsAreToldByTheirNames() {
        assertThat(StackCpu.Shares.isJitCompiler("C1 CompilerThre")).isTrue();
        assertThat(StackCpu.Shares.isJitCompiler("C2 CompilerThre")).isTrue();
        assertThat(StackCpu.Shares.isGarbageCollector("GC Thread#1")).isTrue();
        assertThat(StackCpu.Shares.isGarbageCollector("G1 Refine#0")).isTrue();
        assertThat(StackCpu.Shares.isJitCompiler("CompletableFutu")).isFalse();
        assertThat(StackCpu.Shares.isGarbageCollector("GlobalStreamThr")).isFalse();
    }

    @Test
    void eachComponentsCostAReportAndOnceCompiledTheCostWithoutItsCompilersShares() {
        // kafka 12 s, a quarter of it compiling; validate-service 8 s, half of it: 20 s, 7 s of it the JIT's.
        Map<String, StackCpu.Reading> atStart = Map.of(
                "kafka", reading(Duration.ofSeconds(30), ticks(0, 0)),
                "validate-service", reading(Duration.ofSeconds(2), ticks(0, 0)));
        Map<String, StackCpu.Reading> atStop = Map.of(
                "kafka", reading(Duration.ofSeconds(42), ticks(25, 75)),
                "validate-service", reading(Duration.ofSeconds(10), ticks(50, 50)));

        String printed = printed(atStart, atStop, 2_000);

        assertThat(printed).contains("  kafka                 12.0 s     6.0 ms/report  (JIT 25 %, GC  0 %)")
                .contains("  validate-service       8.0 s     4.0 ms/report  (JIT 50 %, GC  0 %)")
                .contains("  all                   20.0 s    10.0 ms/report: at that cost the 2 cores store at most 200 reports/s")
                .contains("  all but the JIT       13.0 s     6.5 ms/report: once compiled, at most 308 reports/s");
    }

    @Test
    void aComponentThatExitedIsNamedAndLeftOutAndWithoutThreadsNamedThereIsNoCompiledCost() {
        Map<String, StackCpu.Reading> atStart = Map.of(
                "kafka", new StackCpu.Reading(Duration.ofSeconds(30), Optional.empty()),
                "store-service", new StackCpu.Reading(Duration.ofSeconds(5), Optional.empty()));
        Map<String, StackCpu.Reading> atStop = Map.of(
                "kafka", new StackCpu.Reading(Duration.ofSeconds(40), Optional.empty()));

        String printed = printed(atStart, atStop, 1_000);

        assertThat(printed).contains("  exited during the run, not counted: store-service")
                .contains("  all counted           10.0 s    10.0 ms/report: at that cost the 2 cores store at most 200 reports/s")
                .doesNotContain("all but the JIT");
    }

    /** What {@code bench} prints for these readings, in a fixed order of components, on two cores. */
    private static String printed(Map<String, StackCpu.Reading> atStart, Map<String, StackCpu.Reading> atStop,
            int reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackCpu.print(new TreeMap<>(atStart), atStop, reports, 2, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A process's threads' ticks: its compiler's and its other work's. */
    private static Map<String, StackCpu.NamedTicks> ticks(long compiler, long other) {
        return Map.of("1", new StackCpu.NamedTicks("C2 CompilerThre", compiler),
                "2", new StackCpu.NamedTicks("executor-thread", other));
    }

    private static StackCpu.Reading reading(Duration total, Map<String, StackCpu.NamedTicks> threads) {
        return new StackCpu.Reading(total, Optional.of(threads));
    }

    private static StackCpu.Reading reading(Map<String, StackCpu.NamedTicks> threads) {
        return new StackCpu.Reading(Duration.ZERO, Optional.of(threads));
    }
}
