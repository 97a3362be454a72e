package io.nianbao.ingest.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.nianbao.ingest.service.UploadRefusedException;

class IngestApiKeyFilterTests {

    @Test
    void needsNoKeyWhenNoneIsConfigured() {
        assertThatCode(() -> new IngestApiKeyFilter(Optional.empty()).check(null)).doesNotThrowAnyException();
    }

    @Test
    void letsTheConfiguredKeyThrough() {
        assertThatCode(() -> new IngestApiKeyFilter(Optional.of("s3cret")).check("s3cret")).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrWrongKey() {
        IngestApiKeyFilter filter = new IngestApiKeyFilter(Optional.of("s3cret"));

        assertThatThrownBy(() -> filter.check(null)).isInstanceOf(UploadRefusedException.class).hasMessageContaining("X-API-Key");
        assertThatThrownBy(() -> filter.check("s3cre")).isInstanceOf(UploadRefusedException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> filter.check("s3cret ")).isInstanceOf(UploadRefusedException.class);
    }
}
