package io.nianbao.schema.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for any of the pipeline's records, in Avro single-object encoding. */
public class AvroSerializer implements Serializer<SpecificRecord> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        return ((AvroCodec) AvroCodec.of(record.getClass())).encode(record);
    }
}
