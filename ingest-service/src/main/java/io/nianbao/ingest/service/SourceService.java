package io.nianbao.ingest.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.nianbao.crawler.Source;
import io.nianbao.ingest.repository.SourceRepository;

/** The admin API's rules for sources: valid before stored, ids unique, the path's id is the body's id. */
@ApplicationScoped
public class SourceService {
    private final SourceRepository repository;

    public SourceService(SourceRepository repository) {
        this.repository = repository;
    }

    public List<Source> list() {
        return repository.all();
    }

    public Source get(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    public Source create(Source source) {
        requireValid(source);
        if (repository.find(source.id()).isPresent()) {
            throw new SourceException(RequestRejection.SOURCE_EXISTS, "A source with id " + source.id()
                    + " exists already; PUT /api/sources/" + source.id() + " replaces it.");
        }
        repository.save(source);
        return source;
    }

    /** @return true when the source was new */
    public boolean replace(String id, Source source) {
        requireValid(source);
        if (!id.equals(source.id())) {
            throw new SourceException(RequestRejection.INVALID_SOURCE, "The body's id " + source.id()
                    + " is not the id in the path " + id + ".");
        }
        boolean created = repository.find(id).isEmpty();
        repository.save(source);
        return created;
    }

    public void delete(String id) {
        get(id);
        repository.delete(id);
    }

    static SourceException notFound(String id) {
        return new SourceException(RequestRejection.SOURCE_NOT_FOUND, "There is no source " + id + ".");
    }

    private static void requireValid(Source source) {
        if (source == null) {
            throw new SourceException(RequestRejection.INVALID_SOURCE, "The body must be a source as JSON.");
        }
        List<String> problems = source.problems();
        if (!problems.isEmpty()) {
            throw new SourceException(RequestRejection.INVALID_SOURCE, "The source is invalid: " + String.join("; ", problems) + ".");
        }
    }
}
