package io.nianbao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadHintsTests {

    @Test
    void keepsValidHintsAndTrimsThem() {
        UploadHints hints = UploadHints.of("年报.pdf", " https://www.yanchi.gov.cn/xxgk/nb.html ", " 盐池县花马池镇人民政府 ", "64");

        assertThat(hints).isEqualTo(new UploadHints("年报.pdf", "https://www.yanchi.gov.cn/xxgk/nb.html", "盐池县花马池镇人民政府", "64"));
    }

    @Test
    void treatsBlankHintsAsAbsent() {
        assertThat(UploadHints.of(" ", "", null, "  ")).isEqualTo(new UploadHints(null, null, null, null));
    }

    @Test
    void dropsTheClientsDirectoryFromTheFileName() {
        assertThat(UploadHints.of("C:\\Users\\me\\年报.docx", null, null, null).fileName()).isEqualTo("年报.docx");
        assertThat(UploadHints.of("../../etc/passwd", null, null, null).fileName()).isEqualTo("passwd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "640", "ab", "10", "19", "83", "99"})
    void refusesAProvinceThatIsNotAProvinceCode(String province) {
        assertThatThrownBy(() -> UploadHints.of(null, null, null, province))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.INVALID_HINT))
                .hasMessageContaining("'" + province + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "15", "46", "65", "71", "82"})
    void acceptsEveryKindOfProvinceLevelCode(String province) {
        assertThat(UploadHints.of(null, null, null, province).province()).isEqualTo(province);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/nb.pdf", "www.example.org/nb.pdf", "http://", "http://exa mple.org"})
    void refusesASourceUrlThatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> UploadHints.of(null, url, null, null))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.error()).isEqualTo(RequestRejection.INVALID_HINT));
    }

    @Test
    void refusesAnOverlongAgency() {
        assertThatThrownBy(() -> UploadHints.of(null, null, "局".repeat(UploadHints.MAX_AGENCY_LENGTH + 1), null))
                .isInstanceOf(UploadRefusedException.class);
    }
}
