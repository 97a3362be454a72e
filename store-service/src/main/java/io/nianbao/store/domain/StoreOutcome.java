package io.nianbao.store.domain;

/** What a write did to the store; counted in the metrics. */
public enum StoreOutcome {
    /** The first version of a document. */
    STORED,
    /** A redelivery of what is already there: nothing was written. */
    UNCHANGED,
    /** The same version judged again with a different verdict, which replaced the stored one (no history entry). */
    REJUDGED,
    /** A different version replaced the stored one, which moved to the document's history. */
    REVISED
}
