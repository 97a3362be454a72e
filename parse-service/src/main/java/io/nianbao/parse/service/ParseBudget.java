package io.nianbao.parse.service;

import java.time.Duration;

/**
 * The time one document's parse may take, and how it was made (「60 s + 5 pages to OCR × 30 s」), so a PARSE_TIMEOUT
 * dead letter says why the bound was what it was.
 */
public record ParseBudget(Duration limit, String derivation) {
    @Override
    public String toString() {
        return limit + " (" + derivation + ")";
    }
}
