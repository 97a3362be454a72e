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
 * How a collection's documents are written to the MVStore file: as BSON, the form they came in over the wire.
 * H2's default value type wrote each with Java serialization, every time its page was written (at every command's
 * commit, a page of several documents): most of the embedded store's CPU (BENCHMARKS "The embedded store's
 * documents as BSON"). A document the default type wrote (a data file of an earlier build) is still read, and is
 * written as BSON the next time its page is; one BSON cannot hold (a value type the wire never carries) is written
 * as before, so nothing accepted is refused at a commit.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    /** Opens a BSON value. H2's default type opens a serialized document with its tag 19, never with this. */
    private static final byte BSON = 'B';
    private static final ObjectDataType JAVA_SERIALIZED = new ObjectDataType();

    /**
     * The heap a document takes, for MVStore's cache: twice its encoded size (as H2 estimates a serialized object),
     * a moving average of those last written or read, since measuring each document would cost its encoding.
     */
    private volatile int averageMemory = 10_000;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        // Sized as the documents before it, so the buffer is seldom copied as it grows.
        ByteBuf bson = Unpooled.buffer(averageMemory / 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException | ClassCastException notBson) {
            bson.release();
            JAVA_SERIALIZED.write(buffer, document);
            return;
        }
        try {
            observe(bson.readableBytes());
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) JAVA_SERIALIZED.read(buffer);
        }
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position() + 1, buffer.remaining() - 1));
        Document document = BsonDecoder.decodeBson(bson);
        observe(bson.readerIndex());
        buffer.position(buffer.position() + 1 + bson.readerIndex());
        return document;
    }

    private void observe(int encodedSize) {
        averageMemory = (int) ((2L * encodedSize + 15L * averageMemory) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
