package io.nianbao.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rolling upgrade must not break consumers: every published version of a record can read every other,
 * and the schema the code is built from is the newest published one (change a schema → publish a new vN).
 */
class PublishedSchemasTests {

    static Stream<Class<?>> records() {
        return Stream.of(RawReport.class, ParsedReport.class, ValidatedReport.class, Alert.class, DeadLetter.class,
                ReportHistoryEntry.class, FingerprintEntry.class, KeptVerdict.class, CopyFound.class);
    }

    @ParameterizedTest
    @MethodSource("records")
    void theCurrentSchemaIsTheNewestPublishedVersion(Class<?> type) {
        List<Schema> published = PublishedSchemas.of(type);
        assertThat(published).as("published versions of %s", type.getSimpleName()).isNotEmpty();
        Schema current = SpecificData.get().getSchema(type);
        assertThat(SchemaNormalization.parsingFingerprint64(published.get(published.size() - 1)))
                .as("%s changed: publish it as v%d.avsc", type.getSimpleName(), published.size() + 1)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyPublishedVersionReadsEveryOtherBothWays(Class<?> type) {
        List<Schema> published = PublishedSchemas.of(type);
        for (Schema reader : published) {
            for (Schema writer : published) {
                assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
                        .as("%s: reader %s, writer %s", type.getSimpleName(), reader.hashCode(), writer.hashCode())
                        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }
}
