package io.nianbao.validate.webhook;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.nianbao.schema.Alert;
import io.nianbao.schema.json.RecordMaps;

/**
 * An alert as a receiver gets it: the shape of store-service's {@code GET /api/alerts} items (the alert's fields
 * with its finding's fields beside them), raisedAt as an ISO-8601 instant.
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AlertJson() {
    }

    public static byte[] of(Alert alert) {
        try {
            Map<String, Object> fields = RecordMaps.toMap(alert);
            fields.remove("finding");
            fields.putAll(RecordMaps.toMap(alert.getFinding()));
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert is plain maps, strings and numbers", e);
        }
    }
}
