package io.nianbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.nianbao.localstack.LocalStack;

/**
 * The CPU time each process of the stack used between two moments, as the operating system counts it: what a report
 * costs each component, and so the most reports/s the machine's cores could give if nothing waited. Components the
 * stack did not start (an external broker or store) are not counted.
 *
 * <p>Where the operating system names each thread ({@code /proc/PID/task/TID/comm} on Linux), the part of it the
 * JVM's JIT compilers and its garbage collector took is shown too: a stack that just started compiles for minutes (on
 * this machine, in the 6,000 reports after 3,000 of warm-up, nearly half of some services' CPU still went to the
 * compilers), a cost a long-running stack no longer pays and that says nothing of what the code costs once compiled.
 */
final class StackCpu {
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Reading> atStart = new LinkedHashMap<>();
    private final Map<String, Reading> atStop = new LinkedHashMap<>();

    private StackCpu() {
    }

    /** Reads every started component's CPU time now. */
    static StackCpu start(LocalStack stack) {
        StackCpu cpu = new StackCpu();
        for (String component : LocalStack.COMPONENTS) {
            started(stack, component).flatMap(ProcessHandle::of).ifPresent(process -> {
                cpu.processes.put(component, process);
                cpu.atStart.put(component, Reading.of(process));
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
                atStop.put(component, Reading.of(process));
            }
        });
    }

    /** Prints each component's CPU time per report between start and {@link #stop}, and what the cores allow. */
    void print(int reports) {
        print(atStart, atStop, reports, Runtime.getRuntime().availableProcessors(), System.out);
    }

    /**
     * {@link #print(int)} of the components read at start ({@code atStart}) and, but for those that exited, at stop
     * ({@code atStop}), on {@code cores} cores.
     */
    static void print(Map<String, Reading> atStart, Map<String, Reading> atStop, int reports, int cores,
            PrintStream out) {
        out.printf("CPU time per process (operating system's count, %d reports, %d cores; of it, where threads"
                + " are named, the JIT compilers' and the garbage collector's):%n", reports, cores);
        double total = 0;
        double compiling = 0;
        boolean threadsKnown = true;
        List<String> exited = new ArrayList<>();
        for (String component : atStart.keySet()) {
            Reading stopped = atStop.get(component);
            if (stopped == null) {
                // Its CPU time went with it: the total below would understate what a report costs.
                exited.add(component);
                continue;
            }
            Reading started = atStart.get(component);
            double seconds = stopped.total().minus(started.total()).toNanos() / 1e9;
            total += seconds;
            Optional<Shares> shares = Shares.between(started, stopped);
            threadsKnown &= shares.isPresent();
            compiling += shares.map(share -> share.jit() * seconds).orElse(0.0);
            out.printf("  %-18s %7.1f s  %6.1f ms/report%s%n", component, seconds, 1000 * seconds / reports,
                    shares.map(share -> String.format("  (JIT %2.0f %%, GC %2.0f %%)", 100 * share.jit(), 100 * share.gc()))
                            .orElse(""));
        }
        if (!exited.isEmpty()) {
            out.println("  exited during the run, not counted: " + String.join(", ", exited));
        }
        out.printf("  %-18s %7.1f s  %6.1f ms/report: at that cost the %d cores store at most %.0f reports/s%n",
                exited.isEmpty() ? "all" : "all counted", total, 1000 * total / reports, cores,
                total > 0 ? cores * reports / total : 0.0);
        if (threadsKnown && compiling > 0) {
            double compiled = total - compiling;
            out.printf("  %-18s %7.1f s  %6.1f ms/report: once compiled, at most %.0f reports/s%n",
                    "all but the JIT", compiled, 1000 * compiled / reports, compiled > 0 ? cores * reports / compiled : 0.0);
        }
    }

    private static Optional<Long> started(LocalStack stack, String component) {
        try {
            return Optional.of(stack.pid(component));
        } catch (IllegalArgumentException notStartedByThisStack) {
            return Optional.empty();
        }
    }

    /** A process's CPU time, and its threads' clock ticks by thread id where the operating system tells them. */
    record Reading(Duration total, Optional<Map<String, NamedTicks>> threads) {
        static Reading of(ProcessHandle process) {
            return new Reading(process.info().totalCpuDuration().orElse(Duration.ZERO), threadTicks(process.pid()));
        }
    }

    record NamedTicks(String name, long ticks) {
    }

    /** Of a process's CPU between two readings, the fractions its JIT compiler threads and its GC threads took. */
    record Shares(double jit, double gc) {
        static Optional<Shares> between(Reading start, Reading stop) {
            if (start.threads().isEmpty() || stop.threads().isEmpty()) {
                return Optional.empty();
            }
            Map<String, NamedTicks> before = start.threads().get();
            long all = 0;
            long jit = 0;
            long gc = 0;
            for (Map.Entry<String, NamedTicks> thread : stop.threads().get().entrySet()) {
                NamedTicks earlier = before.get(thread.getKey());
                long ticks = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
                all += ticks;
                String name = thread.getValue().name();
                if (isJitCompiler(name)) {
                    jit += ticks;
                } else if (isGarbageCollector(name)) {
                    gc += ticks;
                }
            }
            // Threads that ended between the readings took their ticks with them: the shares are of those still there.
            return all == 0 ? Optional.empty() : Optional.of(new Shares((double) jit / all, (double) gc / all));
        }

        /** HotSpot's "C1 CompilerThread0", "C2 CompilerThread1", as the kernel keeps them (15 characters). */
        static boolean isJitCompiler(String threadName) {
            return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
        }

        /** G1's workers, concurrent markers, refiners and service thread; the serial and parallel collectors' too. */
        static boolean isGarbageCollector(String threadName) {
            return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
        }
    }

    /** Each thread's name and user + system ticks from {@code /proc}; empty where there is no such file system. */
    private static Optional<Map<String, NamedTicks>> threadTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        Map<String, NamedTicks> threads = new HashMap<>();
        try (Stream<Path> listed = Files.list(tasks)) {
            for (Path task : listed.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // After the name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(task.getFileName().toString(),
                            new NamedTicks(Files.readString(task.resolve("comm")).strip(), ticks));
                } catch (IOException endedMeanwhile) {
                    // A thread that ended while the others were read: nothing of it to count.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(threads);
    }
}
