package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReportIdsTests {

    @Test
    void isTheLowerCaseSha256HexOfTheBytes() {
        // FIPS 180-2 test vector
        assertThat(ReportIds.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void differsWhenOneByteDiffers() {
        assertThat(ReportIds.of(new byte[] {1, 2, 3})).isNotEqualTo(ReportIds.of(new byte[] {1, 2, 4}));
    }
}
