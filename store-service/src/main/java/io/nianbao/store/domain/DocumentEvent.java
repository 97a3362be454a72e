package io.nianbao.store.domain;

import org.bson.Document;

/** One event of a document's way through the pipeline ({@link DocumentEvents}), for the document of that id. */
public record DocumentEvent(String reportId, Document event) {
}
