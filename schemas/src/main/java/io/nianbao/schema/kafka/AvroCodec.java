package io.nianbao.schema.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import io.nianbao.schema.PublishedSchemas;

/**
 * Avro single-object encoding for one record type: a 2-byte marker, the writer schema's CRC-64-AVRO
 * fingerprint, then the binary body. No schema registry: the decoder knows every published writer schema.
 */
public final class AvroCodec<T extends SpecificRecord> {
    private static final Map<Class<?>, AvroCodec<?>> CODECS = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    /** @param writerSchemas every schema a record of this type may have been written with */
    AvroCodec(Class<T> type, List<Schema> writerSchemas) {
        this.type = type;
        // The class's own loader, not the generated getDecoder(): inside Quarkus tests the latter resolves
        // classes through another loader and fails with ClassCastException (STACK.md).
        SpecificData model = new SpecificData(type.getClassLoader());
        Schema current = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema writer : writerSchemas) {
            decoder.addSchema(writer);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return (AvroCodec<T>) CODECS.computeIfAbsent(type, t -> new AvroCodec<>(type, PublishedSchemas.of(type)));
    }

    public byte[] encode(T record) {
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /** @throws UndecodableRecordException when the bytes are not a {@code T} of a known schema version */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new UndecodableRecordException(type.getSimpleName() + ": null value (tombstone)");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(type.getSimpleName() + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
