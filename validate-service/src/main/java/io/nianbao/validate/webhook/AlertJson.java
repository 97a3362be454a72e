package io.nianbao.validate.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.nianbao.schema.Alert;
import io.nianbao.schema.json.RecordMaps;

/** An alert as a receiver gets it: the canonical field names of the REST API, raisedAt as an ISO-8601 instant. */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AlertJson() {
    }

    public static byte[] of(Alert alert) {
        try {
            return JSON.writeValueAsBytes(RecordMaps.toMap(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert is plain maps, strings and numbers", e);
        }
    }
}
