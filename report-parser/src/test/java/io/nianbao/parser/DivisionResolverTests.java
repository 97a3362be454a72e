package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.division.DivisionResolver;
import io.nianbao.parser.division.Provinces;

class DivisionResolverTests {

    @Test
    void provinceHintResolvesAtProvinceLevelOnly() {
        var division = DivisionResolver.resolve("64", new ParseNotes());

        assertThat(division.getStatus()).isEqualTo("resolved");
        assertThat(division.getProvinceCode()).isEqualTo("64");
        assertThat(division.getProvinceName()).isEqualTo("宁夏回族自治区");
        assertThat(division.getCountyCode()).isNull();
        assertThat(division.getTownCode()).isNull();
    }

    @Test
    void longerCodesAndNamesGiveTheirProvince() {
        assertThat(DivisionResolver.resolve("640323", new ParseNotes()).getProvinceCode()).isEqualTo("64");
        assertThat(DivisionResolver.resolve("河南", new ParseNotes()).getProvinceCode()).isEqualTo("41");
    }

    @Test
    void noHintLeavesTheDivisionUnresolved() {
        assertThat(DivisionResolver.resolve(null, new ParseNotes()).getStatus()).isEqualTo("unresolved");
    }

    @Test
    void unknownHintIsUnresolvedWithAWarning() {
        ParseNotes notes = new ParseNotes();

        assertThat(DivisionResolver.resolve("99", notes).getStatus()).isEqualTo("unresolved");
        assertThat(notes.warnings()).singleElement().asString().contains("'99'");
    }

    @Test
    void thereAre34ProvincialDivisions() {
        assertThat(Provinces.all()).hasSize(34);
    }
}
