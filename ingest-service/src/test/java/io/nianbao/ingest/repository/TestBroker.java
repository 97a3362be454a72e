package io.nianbao.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.StackPorts;

/** A real Kafka broker with the pipeline's topics (no services) for one test class, on free ports. */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("nianbao-broker-it");
        Path home = Path.of(System.getProperty("nianbao.home", "..")).toAbsolutePath().normalize();
        stack = LocalStack.builder(home, dataDir).environment(Map.of()).ports(StackPorts.free()).services(List.of())
                .partitions(2).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (stack != null) {
            stack.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TestBroker::delete);
        }
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
