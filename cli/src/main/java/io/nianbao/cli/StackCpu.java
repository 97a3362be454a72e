package io.nianbao.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nianbao.localstack.LocalStack;

/**
 * The CPU time each process of the stack used between two moments, as the operating system counts it: what a report
 * costs each component, and so the most reports/s the machine's cores could give if nothing waited. Components the
 * stack did not start (an external broker or store) are not counted.
 */
final class StackCpu {
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Duration> atStart = new LinkedHashMap<>();
    private final Map<String, Duration> atStop = new LinkedHashMap<>();

    private StackCpu() {
    }

    /** Reads every started component's CPU time now. */
    static StackCpu start(LocalStack stack) {
        StackCpu cpu = new StackCpu();
        for (String component : LocalStack.COMPONENTS) {
            started(stack, component).flatMap(ProcessHandle::of).ifPresent(process -> {
                cpu.processes.put(component, process);
                cpu.atStart.put(component, cpuTime(process));
            });
        }
        return cpu;
    }

    /**
     * Reads every component's CPU time again, for {@link #print}: called when the measured work is done, so that
     * what the caller does next (reading the results back) is not counted. A component that exited has no reading.
     */
    void stop() {
        processes.forEach((component, process) -> {
            if (process.isAlive()) {
                atStop.put(component, cpuTime(process));
            }
        });
    }

    /** Prints each component's CPU time per report between start and {@link #stop}, and what the cores allow. */
    void print(int reports) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CPU time per process (operating system's count, %d reports, %d cores):%n", reports, cores);
        double total = 0;
        List<String> exited = new ArrayList<>();
        for (String component : processes.keySet()) {
            Duration stopped = atStop.get(component);
            if (stopped == null) {
                // Its CPU time went with it: the total below would understate what a report costs.
                exited.add(component);
                continue;
            }
            double seconds = stopped.minus(atStart.get(component)).toNanos() / 1e9;
            total += seconds;
            System.out.printf("  %-18s %7.1f s  %6.1f ms/report%n", component, seconds, 1000 * seconds / reports);
        }
        if (!exited.isEmpty()) {
            System.out.println("  exited during the run, not counted: " + String.join(", ", exited));
        }
        System.out.printf("  %-18s %7.1f s  %6.1f ms/report: at that cost the %d cores store at most %.0f reports/s%n",
                exited.isEmpty() ? "all" : "all counted", total, 1000 * total / reports, cores,
                total > 0 ? cores * reports / total : 0.0);
    }

    private static Optional<Long> started(LocalStack stack, String component) {
        try {
            return Optional.of(stack.pid(component));
        } catch (IllegalArgumentException notStartedByThisStack) {
            return Optional.empty();
        }
    }

    private static Duration cpuTime(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
