package io.nianbao.ingest.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.crawler.Source;

/**
 * Sources: those of the config file, overlaid by the admin API's changes, which live in the compacted topic
 * crawl.sources so that they survive restarts and every instance sees them. A deleted configured source is a
 * zero-length value there (a tombstone would let the file's version come back).
 */
@ApplicationScoped
public class SourceRepository {
    static final String BUNDLED = "sources.json";
    private static final byte[] DELETED = new byte[0];

    private final Map<String, Source> configured = new LinkedHashMap<>();
    private final CompactedTopicMap changes;
    private final ObjectMapper json;

    public SourceRepository(CrawlTopics topics, ObjectMapper json,
                            @ConfigProperty(name = "nianbao.crawl.sources-file") Optional<Path> file) {
        this.changes = topics.sources();
        this.json = json;
        for (Source source : read(file)) {
            List<String> problems = source.problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("source " + source.id() + " in " + file.map(Path::toString).orElse(BUNDLED)
                        + " is invalid: " + String.join("; ", problems));
            }
            configured.put(source.id(), source);
        }
    }

    public List<Source> all() {
        changes.refresh();
        Map<String, Source> merged = new LinkedHashMap<>(configured);
        changes.snapshot().forEach((id, bytes) -> {
            if (bytes.length == 0) {
                merged.remove(id);
            } else {
                merged.put(id, decode(bytes));
            }
        });
        return List.copyOf(merged.values());
    }

    public Optional<Source> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public void save(Source source) {
        try {
            changes.put(source.id(), json.writeValueAsBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        changes.put(id, DELETED);
    }

    private Source decode(byte[] bytes) {
        try {
            return json.readValue(bytes, Source.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable source in crawl.sources", e);
        }
    }

    private List<Source> read(Optional<Path> file) {
        TypeReference<List<Source>> list = new TypeReference<>() {
        };
        try {
            if (file.isPresent()) {
                return json.readValue(Files.readAllBytes(file.get()), list);
            }
            try (InputStream bundled = SourceRepository.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                return bundled == null ? List.of() : json.readValue(bundled, list);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sources file " + file.map(Path::toString).orElse(BUNDLED)
                    + ": " + e.getMessage(), e);
        }
    }
}
