package io.nianbao.store.domain;

import org.bson.Document;

import io.nianbao.schema.Alert;
import io.nianbao.schema.json.RecordMaps;

/** The {@code alerts} document: an {@link Alert} keyed by its dedup key, its finding flattened into it. */
public final class AlertDocuments {
    public static final String ID = "_id";
    public static final String REPORT_ID = "reportId";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String YEAR = "year";
    public static final String AGENCY = "agency";
    public static final String RULE_ID = "ruleId";
    public static final String SEVERITY = "severity";
    public static final String RAISED_AT = "raisedAt";

    private static final String ALERT_ID = "alertId";
    private static final String FINDING = "finding";

    private AlertDocuments() {
    }

    public static Document of(Alert alert) {
        Document document = new Document(ID, alert.getAlertId());
        document.putAll(RecordMaps.toMap(alert));
        document.remove(ALERT_ID);
        document.remove(FINDING);
        document.putAll(RecordMaps.toMap(alert.getFinding()));
        return document;
    }
}
