package io.nianbao.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class MachineToolTests {

    @Test
    void ciIsAnySetValueButFalse() {
        assertThat(MachineTool.underCi("true")).isTrue();
        assertThat(MachineTool.underCi("1")).isTrue();
        assertThat(MachineTool.underCi(null)).isFalse();
        assertThat(MachineTool.underCi("")).isFalse();
        assertThat(MachineTool.underCi("false")).isFalse();
    }

    @Test
    void anInstalledToolLetsTheTestGoOn() {
        assertThatCode(() -> MachineTool.CHROMIUM.require(true, "the dashboard")).doesNotThrowAnyException();
    }

    @Test
    void aMissingToolSkipsOutsideCiAndFailsUnderCiNamingTheInstallLine() {
        Class<? extends Throwable> expected = MachineTool.underCi(System.getenv("CI"))
                ? AssertionFailedError.class : TestAbortedException.class;

        assertThatThrownBy(() -> MachineTool.TESSERACT_CHI_SIM.require(false, "scans"))
                .isExactlyInstanceOf(expected)
                .hasMessageContaining("needed for scans")
                .hasMessageContaining("apt-get install tesseract-ocr tesseract-ocr-chi-sim");
    }
}
