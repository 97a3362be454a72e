package io.nianbao.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.RawReport;

class AvroCodecTests {

    private final AvroSerializer serializer = new AvroSerializer();
    private final RawReportDeserializer deserializer = new RawReportDeserializer();

    @Test
    void aRecordSurvivesTheRoundTripThroughKafkaBytes() {
        RawReport report = RawReport.newBuilder()
                .setReportId("ab12")
                .setContent(ByteBuffer.wrap("盐池县花马池镇".getBytes(StandardCharsets.UTF_8)))
                .setMediaType("text/plain")
                .setProvinceHint("64")
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();

        byte[] bytes = serializer.serialize("reports.raw", report);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3); // single-object encoding marker
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(deserializer.deserialize("reports.raw", bytes)).isEqualTo(report);
    }

    @Test
    void aRecordWrittenWithAnOlderSchemaIsReadWithTheCurrentOne() {
        // An older writer that did not have pageTitle / listedDate / origin yet.
        Schema older = new Schema.Parser().parse("""
                {"type":"record","name":"RawReport","namespace":"io.nianbao.schema","fields":[
                 {"name":"reportId","type":"string"},{"name":"content","type":"bytes"},
                 {"name":"mediaType","type":"string"},
                 {"name":"receivedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        GenericRecord old = new GenericData.Record(older);
        old.put("reportId", "cd34");
        old.put("content", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        old.put("mediaType", "application/pdf");
        old.put("receivedAt", 1_700_000_000_000L);
        AvroCodec<RawReport> codec = new AvroCodec<>(RawReport.class, java.util.List.of(older));

        RawReport read = codec.decode(encode(older, old));

        assertThat(read.getReportId()).isEqualTo("cd34");
        assertThat(read.getOrigin()).isEqualTo("upload");
        assertThat(read.getPageTitle()).isNull();
    }

    @Test
    void bytesThatAreNoRecordAreRejectedWithAReason() {
        assertThatThrownBy(() -> deserializer.deserialize("reports.raw", "garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("RawReport");
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record).array();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
