package io.nianbao.ingest.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Not a test: CPU microseconds per {@code identify}, by the sniffer without its screen (all of Tika's magics on every
 * sniff, as before) and with it, back to back on the same bytes, in rounds. Run from the repository root:
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -pl ingest-service -Dmdep.outputFile=/tmp/ingest-cp.txt
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:$(cat /tmp/ingest-cp.txt) \
 *   io.nianbao.ingest.service.SniffTiming [rounds [seconds per measurement [files…]]]
 * </pre>
 */
public final class SniffTiming {
    private static final List<String> DEFAULT_FILES = List.of(
            "samples/real-reports/006.txt",
            "report-parser/src/test/resources/real-pages/shanghai-office-2019.html",
            "ingest-service/src/test/resources/sniffing/real-reports-figures.pdf");
    /** The thread's own CPU time: other work on a shared machine does not count. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile String sink;

    private SniffTiming() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        List<String> files = args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_FILES;
        MediaTypeSniffer before = new MediaTypeSniffer(Optional.empty());
        MediaTypeSniffer after = new MediaTypeSniffer();
        for (int round = 1; round <= rounds; round++) {
            for (String file : files) {
                byte[] content = Files.readAllBytes(Path.of(file));
                String type = before.identify(content);
                if (!type.equals(after.identify(content))) {
                    throw new IllegalStateException(file + ": " + type + " before, " + after.identify(content) + " after");
                }
                System.out.printf("round %d  %-32s %7d bytes  %-16s before %7.1f µs  after %6.1f µs%n", round,
                        Path.of(file).getFileName(), content.length, type,
                        microseconds(before::identify, content, seconds), microseconds(after::identify, content, seconds));
            }
        }
    }

    private static double microseconds(Function<byte[], String> identify, byte[] content, double seconds) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long sniffs = 0;
        while (System.nanoTime() < deadline) {
            sink = identify.apply(content);
            sniffs++;
        }
        return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / sniffs;
    }
}
