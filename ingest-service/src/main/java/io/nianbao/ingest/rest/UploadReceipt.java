package io.nianbao.ingest.rest;

/** The 202 body: the report's id and where the store will serve it once processed. */
public record UploadReceipt(String id, String mediaType, long sizeBytes, String location) {
}
