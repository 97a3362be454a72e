package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    private static StackCpu.Reading reading(Map<String, StackCpu.NamedTicks> threads) {
        return new StackCpu.Reading(Duration.ZERO, Optional.of(threads));
    }
}
