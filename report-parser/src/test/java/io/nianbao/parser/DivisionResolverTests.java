package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.division.DivisionResolver;

class DivisionResolverTests {

    @Test
    void aCountyAndTownPairResolvesToTheTown() {
        var division = DivisionResolver.resolve("盐池县花马池镇", null, source(null), 2024, new ParseNotes());

        assertThat(division.getStatus()).isEqualTo("resolved");
        assertThat(division.getProvinceCode()).isEqualTo("64");
        assertThat(division.getCountyCode()).isEqualTo("640323");
        assertThat(division.getTownCode()).startsWith("640323");
    }

    @Test
    void aTownNameFoundInSeveralProvincesStaysAmbiguousWithItsCandidates() {
        var division = DivisionResolver.resolve("洪山镇人民政府", null, source(null), 2024, new ParseNotes());

        assertThat(division.getStatus()).isEqualTo("ambiguous");
        assertThat(division.getCandidates()).hasSizeGreaterThan(1);
        assertThat(division.getTownCode()).isNull();
    }

    @Test
    void theProvinceHintWins() {
        var division = DivisionResolver.resolve("洪山镇人民政府", null, source("42"), 2024, new ParseNotes());

        assertThat(division.getProvinceCode()).isEqualTo("42");
        assertThat(division.getCandidates()).allSatisfy(code -> assertThat(code).startsWith("42"));
    }

    @Test
    void anAgencyNamingNoPlaceIsPlacedByTheSiteNameFirstThenByTheAgencyHintAndSaysWhich() {
        ParseNotes bySite = new ParseNotes();
        var placedBySite = DivisionResolver.resolve("管委会办公室", "平潭综合实验区党工委管委会",
                new SourceInfo(null, null, "page.html", "crawl", null, "盐池县人民政府", Instant.EPOCH), 2025, bySite);
        ParseNotes byHint = new ParseNotes();
        var placedByHint = DivisionResolver.resolve("管委会办公室", null,
                new SourceInfo(null, null, "page.html", "crawl", null, "盐池县人民政府", Instant.EPOCH), 2025, byHint);

        assertThat(placedBySite.getCountyCode()).isEqualTo("350128");
        assertThat(bySite.warnings()).anyMatch(w -> w.contains("the publishing site's name"));
        assertThat(placedByHint.getCountyCode()).isEqualTo("640323");
        assertThat(byHint.warnings()).anyMatch(w -> w.contains("the agency hint given with the document"));
    }

    @Test
    void noAgencyLeavesTheDivisionUnresolved() {
        assertThat(DivisionResolver.resolve(null, null, source(null), null, new ParseNotes()).getStatus()).isEqualTo("unresolved");
    }

    private static SourceInfo source(String provinceHint) {
        return new SourceInfo(null, null, "report.txt", "upload", provinceHint, null, Instant.EPOCH);
    }
}
