package io.nianbao.schema;

/** The Kafka topics of the pipeline (DESIGN.md). Every value on them is one of this module's Avro records. */
public final class Topics {
    /** {@link RawReport}: the log of record; re-parsing history replays it (`nianbao replay`). */
    public static final String RAW = "reports.raw";
    /** {@link ParsedReport}. */
    public static final String PARSED = "reports.parsed";
    /** {@link ValidatedReport}. */
    public static final String VALIDATED = "reports.validated";
    /** {@link Alert}: one per failed check. */
    public static final String ALERTS = "reports.alerts";
    /** {@link DeadLetter}: what a service could not process, with the reason and the original bytes. */
    public static final String DLQ = "reports.dlq";

    /** Compacted: ingest-service's crawl state per URL (ETag, Last-Modified, content hash), shared by its instances. */
    public static final String CRAWL_STATE = "crawl.state";
    /** Compacted: the crawl sources as the admin API last wrote them. */
    public static final String CRAWL_SOURCES = "crawl.sources";
    /** Compacted: which ingest-service instance may crawl a source until when (one crawler per source). */
    public static final String CRAWL_LEASES = "crawl.leases";
    /** Compacted: the crawl history of each source (last crawl, last success, errors), shown by every instance. */
    public static final String CRAWL_STATUS = "crawl.status";
    /**
     * Compacted: validate-service's global index of text fingerprints, written by the instance that keeps a report,
     * read whole by every instance (COPY-PEER across partitions). Binary keys: {@code 'E' <entry hash>} →
     * {@link FingerprintEntry}, its sentences with it; {@code 'S' <sentence hash> <entry hash>} → empty (the entry's
     * prose holds the sentence), as FingerprintEntry v1's writers published them, or a tombstone retiring one.
     */
    public static final String FINGERPRINTS = "reports.fingerprints";
    /**
     * {@link CopyFound}: a kept report's copy found in another partition, for the report's own partition to judge it
     * again (validate-service reads what it writes; as many partitions as {@link #PARSED}, partitioned by place).
     */
    public static final String COPIES_FOUND = "reports.copies-found";

    public static final java.util.List<String> ALL =
            java.util.List.of(RAW, PARSED, VALIDATED, ALERTS, DLQ, CRAWL_STATE, CRAWL_SOURCES, CRAWL_LEASES, CRAWL_STATUS,
                    FINGERPRINTS, COPIES_FOUND);
    /** The topics that keep only the last record per key. */
    public static final java.util.Set<String> COMPACTED = java.util.Set.of(CRAWL_STATE, CRAWL_SOURCES, CRAWL_LEASES, CRAWL_STATUS,
            FINGERPRINTS);

    private Topics() {
    }
}
