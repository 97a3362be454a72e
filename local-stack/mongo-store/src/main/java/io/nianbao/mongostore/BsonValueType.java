package io.nianbao.mongostore;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How values of the MVStore file are written: as BSON, the form documents come in over the wire. H2's default type
 * writes what it does not know with Java serialization, every time its page is written (at every command's commit)
 * and, for keys, at every comparison of a lookup: most of the embedded store's CPU (BENCHMARKS "The embedded store's
 * documents and indexes as BSON"). A value the default type wrote (a data file of an earlier build) is still read;
 * one BSON cannot hold (a type the wire never carries) is written as before, so nothing accepted is refused at a
 * commit.
 */
abstract class BsonValueType<T> extends BasicDataType<T> {
    /** Opens a BSON value: a byte no value of H2's default type opens with (its type tags are 0 to 119). */
    private static final byte BSON = (byte) 0xB5;
    private static final ObjectDataType JAVA_SERIALIZED = new ObjectDataType();

    /**
     * The heap a value takes, for MVStore's cache and its pages' splits: twice its encoded size (as H2 estimates a
     * serialized object), a moving average of those last written or read, since measuring each value would cost its
     * encoding; until some are, the subclass's estimate.
     */
    private volatile int averageMemory;

    /** @param typicalMemory the heap a value of the kind is expected to take before any has been measured */
    BsonValueType(int typicalMemory) {
        this.averageMemory = typicalMemory;
    }

    /** The value as the BSON document it is written as. */
    abstract Document toBson(T value);

    abstract T fromBson(Document bson);

    @Override
    public int getMemory(T value) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, T value) {
        ByteBuf bson = encode(value);
        if (bson == null) {
            JAVA_SERIALIZED.write(buffer, value);
            return;
        }
        try {
            observe(bson.readableBytes());
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    /** The value's BSON, or null when BSON cannot hold it; the caller releases it. */
    final ByteBuf encode(T value) {
        // Sized as the values before it, so the buffer is seldom copied as it grows.
        ByteBuf bson = Unpooled.buffer(averageMemory / 2);
        try {
            BsonEncoder.encodeDocument(toBson(value), bson);
            return bson;
        } catch (IllegalArgumentException | ClassCastException notBson) {
            bson.release();
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public T read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (T) JAVA_SERIALIZED.read(buffer);
        }
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position() + 1, buffer.remaining() - 1));
        Document document = BsonDecoder.decodeBson(bson);
        observe(bson.readerIndex());
        buffer.position(buffer.position() + 1 + bson.readerIndex());
        return fromBson(document);
    }

    private void observe(int encodedSize) {
        averageMemory = (int) ((2L * encodedSize + 15L * averageMemory) / 16);
    }
}
