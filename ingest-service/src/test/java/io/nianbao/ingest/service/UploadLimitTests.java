package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class UploadLimitTests {
    private final UploadLimit limit = new UploadLimit(100);

    @Test
    void readsAnUploadOfExactlyTheLimit() throws IOException {
        assertThat(limit.read(new ByteArrayInputStream(new byte[100]))).hasSize(100);
    }

    @Test
    void refusesAnUploadOneBytePastTheLimitWith413() {
        assertThatThrownBy(() -> limit.read(new ByteArrayInputStream(new byte[101])))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.TOO_LARGE))
                .hasMessageContaining("100 bytes");
    }

    @Test
    void stopsReadingAnEndlessUploadOneBytePastTheLimit() {
        EndlessStream endless = new EndlessStream();

        assertThatThrownBy(() -> limit.read(endless)).isInstanceOf(UploadRefusedException.class);
        assertThat(endless.served).isEqualTo(101);
    }

    @Test
    void refusesADeclaredSizeAboveTheLimitBeforeReading() {
        assertThatThrownBy(() -> limit.checkDeclared(5_000_000_000L))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.TOO_LARGE))
                .hasMessageContaining("5000000000 bytes");
    }

    @Test
    void letsAnUnknownDeclaredSizeOrOneOfExactlyTheLimitThrough() {
        assertThatCode(() -> limit.checkDeclared(-1)).as("unknown (chunked)").doesNotThrowAnyException();
        assertThatCode(() -> limit.checkDeclared(100)).as("exactly the limit").doesNotThrowAnyException();
    }

    @Test
    void refusesAnEmptyUploadWith400() {
        assertThatThrownBy(() -> limit.read(InputStream.nullInputStream()))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.EMPTY_BODY));
        assertThatThrownBy(() -> limit.checkDeclared(0))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.EMPTY_BODY));
    }

    @Test
    void rejectsANonsensicalLimit() {
        assertThatThrownBy(() -> new UploadLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadLimit(UploadLimit.CEILING + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Counts what it hands out, one byte at a time, forever. */
    private static final class EndlessStream extends InputStream {
        int served;

        @Override
        public int read() {
            served++;
            return 'x';
        }
    }
}
