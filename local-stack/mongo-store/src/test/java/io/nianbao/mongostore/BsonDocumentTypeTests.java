package io.nianbao.mongostore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class BsonDocumentTypeTests {
    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void aDocumentOfTheWiresTypesIsWrittenAsBsonAndReadBackEqual() {
        Document report = new Document("_id", "r-1")
                .append("agency", "平潭综合实验区管理委员会")
                .append("year", 2024)
                .append("size", 12_345_678_901L)
                .append("similarity", 0.75)
                .append("countyGovernment", true)
                .append("divisionCode", null)
                .append("storedAt", Instant.ofEpochMilli(1_765_000_000_123L))
                .append("objectId", new ObjectId())
                .append("applications", new Document("received", List.of(1, 2, 3)).append("carried", new Document()))
                .append("findings", List.of(new Document("rule", "S3-BALANCE"), "text", 4.5))
                .append("digest", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID())
                .append("amount", Decimal128.ONE)
                .append("opTime", new BsonTimestamp(42L));

        ByteBuffer written = write(type, report);

        assertThat(written.get(0)).as("opening byte").isEqualTo((byte) 0xB5);
        assertThat(type.read(written)).isEqualTo(report);
        assertThat(written.remaining()).as("bytes left after the document").isZero();
    }

    @Test
    void documentsFollowingEachOtherAreReadOneAfterTheOther() {
        Document first = new Document("_id", 1).append("text", "一");
        Document second = new Document("_id", 2).append("text", "二");
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, first);
        type.write(buffer, second);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(type.read(written)).isEqualTo(first);
        assertThat(type.read(written)).isEqualTo(second);
    }

    @Test
    void aDocumentJavaSerializationWroteIsRead() {
        Document stored = new Document("_id", "r-2").append("year", 2023)
                .append("sections", List.of(new Document("number", "三")));

        ByteBuffer written = write(new ObjectDataType(), stored);

        assertThat(type.read(written)).isEqualTo(stored);
    }

    @Test
    void aValueBsonCannotHoldIsWrittenAsBeforeAndReadBack() {
        Document odd = new Document("_id", "r-3").append("ratio", 0.5f);

        ByteBuffer written = write(type, odd);

        assertThat(written.get(0)).as("opening byte").isNotEqualTo((byte) 0xB5);
        assertThat(type.read(written)).isEqualTo(odd);
    }

    @SuppressWarnings("unchecked")
    private static ByteBuffer write(DataType<?> type, Document document) {
        WriteBuffer buffer = new WriteBuffer();
        ((DataType<Object>) type).write(buffer, document);
        return buffer.getBuffer().flip();
    }
}
