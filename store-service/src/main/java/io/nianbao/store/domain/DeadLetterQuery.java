package io.nianbao.store.domain;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The dead-letter listing's filters (null: no filter) and page, newest failure first. */
public record DeadLetterQuery(String stage, String errorType, String provinceCode, String origin, Instant since,
        PageRequest page) {
    public static final List<SortKey> ORDER = List.of(SortKey.descending(DeadLetterDocuments.FAILED_AT, Date.class),
            SortKey.ascending(DeadLetterDocuments.ID, String.class));
}
