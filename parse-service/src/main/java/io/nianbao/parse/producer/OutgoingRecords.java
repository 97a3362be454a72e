package io.nianbao.parse.producer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Key and routing headers shared by everything this service produces. */
final class OutgoingRecords {
    private OutgoingRecords() {
    }

    static OutgoingKafkaRecordMetadata<String> metadata(String key, String province, String reportId) {
        RecordHeaders headers = new RecordHeaders();
        if (province != null) {
            headers.add(io.nianbao.schema.RecordHeaders.PROVINCE, province.getBytes(StandardCharsets.UTF_8));
        }
        if (reportId != null) {
            headers.add(io.nianbao.schema.RecordHeaders.REPORT_ID, reportId.getBytes(StandardCharsets.UTF_8));
        }
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build();
    }
}
