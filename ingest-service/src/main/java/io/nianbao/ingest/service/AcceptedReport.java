package io.nianbao.ingest.service;

/** What was written to reports.raw, as the uploader is told. */
public record AcceptedReport(String id, String mediaType, long sizeBytes) {
}
