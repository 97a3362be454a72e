package io.nianbao.parse.producer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Key, routing headers and trace shared by everything this service produces. */
final class OutgoingRecords {
    private OutgoingRecords() {
    }

    /** @param trace the document's parse span, which the connector writes into the record's traceparent header */
    static <T> Message<T> message(T payload, String key, String province, String reportId, Context trace) {
        RecordHeaders headers = new RecordHeaders();
        if (province != null) {
            headers.add(io.nianbao.schema.RecordHeaders.PROVINCE, province.getBytes(StandardCharsets.UTF_8));
        }
        if (reportId != null) {
            headers.add(io.nianbao.schema.RecordHeaders.REPORT_ID, reportId.getBytes(StandardCharsets.UTF_8));
        }
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(trace));
    }
}
