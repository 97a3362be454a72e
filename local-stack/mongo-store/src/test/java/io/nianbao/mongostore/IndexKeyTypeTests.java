package io.nianbao.mongostore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class IndexKeyTypeTests {
    private final IndexKeyType type = new IndexKeyType();

    @TempDir
    Path directory;

    private static final List<KeyValue> KEYS = List.of(new KeyValue("report-1"), new KeyValue("report-10"),
            new KeyValue("report-2"), new KeyValue("报告"), new KeyValue(1.0), new KeyValue(2.5), new KeyValue(-3.0),
            new KeyValue(9_007_199_254_740_993L), new KeyValue((Object) null), new KeyValue(true),
            new KeyValue(new ObjectId("5f1d7a0e2a4b3c1d2e3f4a5b")), new KeyValue(Instant.ofEpochMilli(5)),
            new KeyValue(new Document("a", 1.0).append("b", "x")), new KeyValue((Object) List.of(1.0, 2.0)),
            new KeyValue("report-1", 2019.0), new KeyValue("report-1", 2020.0));

    @Test
    void aKeyIsReadBackEqual() {
        for (KeyValue key : KEYS) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();

            assertThat(type.read(written)).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void keysAreInOneOrderInWhichOnlyEqualKeysTie() {
        for (KeyValue a : KEYS) {
            for (KeyValue b : KEYS) {
                assertThat(Integer.signum(type.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(-Integer.signum(type.compare(b, a)));
                assertThat(type.compare(a, b) == 0).as("%s against %s", a, b).isEqualTo(a.equals(b));
                for (KeyValue c : KEYS) {
                    if (type.compare(a, b) < 0 && type.compare(b, c) < 0) {
                        assertThat(type.compare(a, c)).as("%s, %s, %s", a, b, c).isNegative();
                    }
                }
            }
        }
        assertThat(type.compare(new KeyValue("report-1"), new KeyValue(new String("report-1")))).isZero();
    }

    @Test
    void aMapOfManyKeysFindsEachAfterTheFileIsReopened() {
        String file = directory.resolve("index.mv").toString();
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> positions = store.openMap("index", builder());
            IntStream.range(0, 5_000).forEach(i -> positions.put(new KeyValue("report-" + i), "report-" + i));
            store.commit();
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> positions = store.openMap("index", builder());
            assertThat(positions.sizeAsLong()).isEqualTo(5_000);
            IntStream.range(0, 5_000).forEach(i ->
                    assertThat(positions.get(new KeyValue("report-" + i))).isEqualTo("report-" + i));
            assertThat(positions.get(new KeyValue("report-5000"))).isNull();
        }
    }

    private static MVMap.Builder<KeyValue, Object> builder() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()).valueType(new IndexPositionType());
    }
}
