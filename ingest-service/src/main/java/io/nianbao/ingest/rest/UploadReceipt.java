package io.nianbao.ingest.rest;

/** The 202 body: the report's id and where the store shows its status (and, once stored, links to the report). */
public record UploadReceipt(String id, String mediaType, long sizeBytes, String location) {
}
