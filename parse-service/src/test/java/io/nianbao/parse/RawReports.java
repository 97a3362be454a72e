package io.nianbao.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.nianbao.schema.RawReport;
import io.nianbao.schema.kafka.AvroCodec;

/** RawReport record values as the ingest service writes them, from the seeds or from given bytes. */
public final class RawReports {
    private static final Path SEEDS = Path.of(System.getProperty("nianbao.samples", "../samples/reports"));

    private RawReports() {
    }

    public static byte[] seed(String number, String provinceHint) {
        return seed(number, provinceHint, null);
    }

    public static byte[] seed(String number, String provinceHint, String divisionHint) {
        try (var files = Files.list(SEEDS)) {
            Path seed = files.filter(file -> file.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow();
            return of(Files.readAllBytes(seed), seed.getFileName().toString(), "text/plain", provinceHint, divisionHint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] of(byte[] content, String fileName, String provinceHint) {
        return of(content, fileName, "text/plain", provinceHint, null);
    }

    /** @param mediaType what ingest-service sniffed the bytes to be */
    public static byte[] of(byte[] content, String fileName, String mediaType, String provinceHint) {
        return of(content, fileName, mediaType, provinceHint, null);
    }

    private static byte[] of(byte[] content, String fileName, String mediaType, String provinceHint,
            String divisionHint) {
        return AvroCodec.of(RawReport.class).encode(RawReport.newBuilder()
                .setReportId("id-" + fileName)
                .setContent(ByteBuffer.wrap(content))
                .setMediaType(mediaType)
                .setFileName(fileName)
                .setSourceUrl("https://example.gov.cn/" + fileName)
                .setProvinceHint(provinceHint)
                .setDivisionHint(divisionHint)
                .setReceivedAt(Instant.parse("2025-02-01T00:00:00Z"))
                .build());
    }
}
