package io.nianbao.store.domain;

import java.util.Date;
import java.util.List;

/**
 * Filters of the alert listing; a null filter matches everything. Values are matched literally; {@code agency}
 * is a substring of the agency's name.
 */
public record AlertQuery(String reportId, String provinceCode, Integer year, String agency, String ruleId,
        String severity, PageRequest page) {
    /** Most recently raised first. */
    public static final List<SortKey> ORDER = List.of(SortKey.descending(AlertDocuments.RAISED_AT, Date.class),
            SortKey.ascending(AlertDocuments.ID, String.class));
}
