package io.nianbao.store.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.nianbao.store.domain.DocumentEvent;
import io.nianbao.store.domain.DocumentStatus;
import io.nianbao.store.repository.DocumentRepository;
import io.nianbao.store.repository.ReportRepository;

/** Each accepted document's way through the pipeline ({@link DocumentStatus}). */
@ApplicationScoped
public class DocumentService {
    private final DocumentRepository documents;
    private final ReportRepository reports;

    DocumentService(DocumentRepository documents, ReportRepository reports) {
        this.documents = documents;
        this.reports = reports;
    }

    public void record(String reportId, Document event) {
        recordAll(List.of(new DocumentEvent(reportId, event)));
    }

    /** Records the events, in order, with one write. */
    public void recordAll(List<DocumentEvent> events) {
        documents.addAll(events);
    }

    /** @return the status, or empty when nothing of the id was received or stored */
    public Optional<Map<String, Object>> status(String reportId) {
        Document report = reports.find(reportId).orElse(null);
        return Optional.ofNullable(DocumentStatus.of(reportId, documents.events(reportId), report));
    }
}
