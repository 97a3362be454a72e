package io.nianbao.parser;

import java.time.Instant;

/**
 * What is known about a document besides its bytes: recorded in {@code ParsedReport.source}.
 *
 * @param reportId     SHA-256 of the raw document when the caller has it (RawReport.reportId); computed when null
 * @param url          where it was fetched from, or null
 * @param fileName     the uploaded file name, or null; a detection hint only
 * @param origin       upload | crawl
 * @param provinceHint two-digit province code given with the upload or by the crawl source, or null
 * @param divisionHint city, county or town code the crawl source declares, or null
 * @param agencyHint   agency named with the upload or by the crawl source, used only when the report prints none
 * @param receivedAt   when nianbao received it
 */
public record SourceInfo(String reportId, String url, String fileName, String origin, String provinceHint,
        String divisionHint, String agencyHint, Instant receivedAt) {

    /** A local file with nothing else known: what the CLI has. */
    public static SourceInfo ofFile(String fileName) {
        return new SourceInfo(null, null, fileName, "upload", null, null, null, Instant.now());
    }
}
