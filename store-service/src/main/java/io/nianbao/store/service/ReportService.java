package io.nianbao.store.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.store.domain.Page;
import io.nianbao.store.domain.ReportDocuments;
import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.Statistics;
import io.nianbao.store.domain.StoreOutcome;
import io.nianbao.store.repository.ReportRepository;

/** Keeps each agency's report for a year current, with its earlier versions in the history. */
@ApplicationScoped
public class ReportService {
    private final ReportRepository reports;
    private final OutcomeCounters counters;

    ReportService(ReportRepository reports, MeterRegistry metrics) {
        this.reports = reports;
        this.counters = new OutcomeCounters(metrics, "nianbao.store.reports", StoreOutcome.values());
    }

    public StoreOutcome store(ValidatedReport validated) {
        return storeAll(List.of(validated)).get(0);
    }

    /** Stores the reports in order, as one batch ({@link ReportRepository#saveAll}); the outcome of each, in order. */
    public List<StoreOutcome> storeAll(List<ValidatedReport> batch) {
        // Millisecond precision is what MongoDB keeps: the document in hand equals the one stored.
        Instant storedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ReportRepository.Write> writes = batch.stream().map(validated -> write(validated, storedAt)).toList();
        List<StoreOutcome> outcomes = reports.saveAll(writes);
        outcomes.forEach(counters::count);
        return outcomes;
    }

    private static ReportRepository.Write write(ValidatedReport validated, Instant storedAt) {
        Document document = ReportDocuments.of(validated, storedAt);
        String placeholder = ReportDocuments.placeholderId(validated.getReport().getReportId());
        // An earlier parse could not tell the agency or year; this version can, so it supersedes that one. Also on
        // UNCHANGED: a redelivery finishes the work of a run that stopped between the two writes.
        return new ReportRepository.Write(document, placeholder.equals(document.get(ReportDocuments.ID))
                ? Optional.empty() : Optional.of(placeholder));
    }

    public Optional<Document> find(String id) {
        return reports.find(id);
    }

    public Page<Document> find(ReportQuery query) {
        return reports.find(query);
    }

    /** Every report the query's filters match, in its order, with only {@code fields} (for exports). */
    public void forEach(ReportQuery query, List<String> fields, Consumer<Map<String, Object>> action) {
        reports.forEach(query, fields, action::accept);
    }

    public long count(ReportQuery query) {
        return reports.count(query);
    }

    public Statistics statistics(ReportQuery query) {
        return reports.statistics(query, Statistics.Level.below(query));
    }

    /** Removes a stored report (withdrawn, or stored by mistake); its alerts stay as the record of what was raised. */
    public boolean delete(String id) {
        return reports.find(id).map(document -> {
            reports.delete((String) document.get(ReportDocuments.ID));
            return true;
        }).orElse(false);
    }
}
