package io.nianbao.schema.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for one record type; Kafka instantiates deserializers by class name, hence one small
 * subclass per record ({@link RawReportDeserializer} …).
 */
public abstract class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final AvroCodec<T> codec;

    protected AvroDeserializer(Class<T> type) {
        this.codec = AvroCodec.of(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return codec.decode(data);
    }
}
