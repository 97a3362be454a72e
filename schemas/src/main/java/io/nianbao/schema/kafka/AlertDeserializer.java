package io.nianbao.schema.kafka;

import io.nianbao.schema.Alert;

public class AlertDeserializer extends AvroDeserializer<Alert> {
    public AlertDeserializer() {
        super(Alert.class);
    }
}
