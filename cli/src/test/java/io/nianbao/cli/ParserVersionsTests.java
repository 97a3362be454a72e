package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParserVersionsTests {
    @Test
    void versionsCompareNumberByNumberNotAsText() {
        assertThat(ParserVersions.compare("0.9.0", "0.10.0")).isNegative();
        assertThat(ParserVersions.compare("0.4.0", "0.4")).isZero();
        assertThat(ParserVersions.compare("1.0.0", "0.99.9")).isPositive();
        assertThat(ParserVersions.compare("0.4.0-SNAPSHOT", "0.4.1")).isNegative();
    }
}
