package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.division.DivisionResolver;

class DivisionResolverTests {

    @Test
    void aCountyAndTownPairResolvesToTheTown() {
        var division = DivisionResolver.resolve("盐池县花马池镇", source(null), 2024, new ParseNotes());

        assertThat(division.getStatus()).isEqualTo("resolved");
        assertThat(division.getProvinceCode()).isEqualTo("64");
        assertThat(division.getCountyCode()).isEqualTo("640323");
        assertThat(division.getTownCode()).startsWith("640323");
    }

    @Test
    void aTownNameFoundInSeveralProvincesStaysAmbiguousWithItsCandidates() {
        var division = DivisionResolver.resolve("洪山镇人民政府", source(null), 2024, new ParseNotes());

        assertThat(division.getStatus()).isEqualTo("ambiguous");
        assertThat(division.getCandidates()).hasSizeGreaterThan(1);
        assertThat(division.getTownCode()).isNull();
    }

    @Test
    void theProvinceHintWins() {
        var division = DivisionResolver.resolve("洪山镇人民政府", source("42"), 2024, new ParseNotes());

        assertThat(division.getProvinceCode()).isEqualTo("42");
        assertThat(division.getCandidates()).allSatisfy(code -> assertThat(code).startsWith("42"));
    }

    @Test
    void noAgencyLeavesTheDivisionUnresolved() {
        assertThat(DivisionResolver.resolve(null, source(null), null, new ParseNotes()).getStatus()).isEqualTo("unresolved");
    }

    private static SourceInfo source(String provinceHint) {
        return new SourceInfo(null, null, "report.txt", "upload", provinceHint, null, Instant.EPOCH);
    }
}
