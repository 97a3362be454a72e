package io.nianbao.corpus;

import java.util.List;

import io.nianbao.schema.ParsedReport;

/**
 * A generated report and its truth: what a perfect reader would get from any rendering of it.
 *
 * @param id         stable within a corpus (seed + index), used for file names
 * @param truth      the expected {@link ParsedReport}: every printed cell, the identity and the prose
 * @param injections the deliberate inconsistencies it carries; empty for a consistent report
 */
public record LabelledReport(String id, ParsedReport truth, List<Injection> injections) {
    public LabelledReport {
        injections = List.copyOf(injections);
    }

    public boolean consistent() {
        return injections.isEmpty();
    }
}
