package io.nianbao.store.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The orders of the report listing; each ends on the document id, so it is total and a cursor is exact. */
public enum ReportSort {
    YEAR("year", SortKey.descending(ReportDocuments.YEAR, Integer.class),
            SortKey.ascending(ReportDocuments.AGENCY, String.class)),
    AGENCY("agency", SortKey.ascending(ReportDocuments.AGENCY, String.class),
            SortKey.descending(ReportDocuments.YEAR, Integer.class)),
    STORED_AT("storedAt", SortKey.descending(ReportDocuments.STORED_AT, Date.class)),
    ALERTS("alertCount", SortKey.descending(ReportDocuments.ALERT_COUNT, Integer.class));

    private final String parameter;
    private final List<SortKey> keys;

    ReportSort(String parameter, SortKey... keys) {
        this.parameter = parameter;
        this.keys = new ArrayList<>(Arrays.asList(keys));
        this.keys.add(SortKey.ascending(ReportDocuments.ID, String.class));
    }

    public String parameter() {
        return parameter;
    }

    public List<SortKey> keys() {
        return List.copyOf(keys);
    }

    public static Optional<ReportSort> of(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
    }
}
