package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.nianbao.parser.division.DivisionResolver;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;

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
    void aProvinceHintChoosesAmongTheTownsTheNameNamesAndSaysSo() {
        ParseNotes notes = new ParseNotes();
        var division = DivisionResolver.resolve("洪山镇人民政府", null, source("42"), 2024, notes);

        assertThat(division.getStatus()).isEqualTo("resolved");
        assertThat(division.getProvinceCode()).isEqualTo("42");
        assertThat(division.getCandidates()).isEmpty();
        assertThat(notes.notes()).singleElement().satisfies(note -> {
            assertThat(ParseNoteCode.DIVISION_FROM_HINT.marks(note)).isTrue();
            assertThat(note.getCell()).isEqualTo("division");
            assertThat(note.getPrinted()).isEqualTo("洪山镇人民政府");
            assertThat(note.getMessage()).contains("湖北省 (42)");
        });
    }

    @Test
    void aProvinceOrDivisionHintTellsTheTwoChaoyangDistrictsApart() {
        ParseNotes inJilin = new ParseNotes();
        var changchun = DivisionResolver.resolve("朝阳区人民政府", null, source("22", null), 2024, inJilin);
        var beijing = DivisionResolver.resolve("朝阳区人民政府", null, source(null, "1101"), 2024, new ParseNotes());

        assertThat(changchun.getCountyCode()).isEqualTo("220104");
        assertThat(changchun.getCityName()).isEqualTo("长春市");
        assertThat(inJilin.notes()).extracting(ParseNote::getCode).containsExactly("DIVISION_FROM_HINT");
        assertThat(beijing.getCountyCode()).isEqualTo("110105");
    }

    @Test
    void thePagesOwnWordsWinOverDisagreeingHintsAndTheDisagreementNamesBoth() {
        ParseNotes notes = new ParseNotes();
        var division = DivisionResolver.resolve("平潭综合实验区行政审批局", null, source("11", "110108"), 2024, notes);

        assertThat(division.getStatus()).isEqualTo("resolved");
        assertThat(division.getCountyCode()).isEqualTo("350128");
        assertThat(notes.notes()).hasSize(2).allSatisfy(note -> {
            assertThat(ParseNoteCode.DIVISION_HINT_DISAGREES.marks(note)).isTrue();
            assertThat(note.getMessage()).contains("平潭县 (350128)");
        });
        assertThat(notes.notes()).extracting(ParseNote::getMessage)
                .anyMatch(message -> message.contains("海淀区 (110108)"))
                .anyMatch(message -> message.contains("北京市 (11)"));
        assertThat(notes.warnings()).containsAll(notes.notes().stream().map(ParseNote::getMessage).toList());
    }

    @Test
    void anAgencyNamingNoPlaceIsPlacedByTheSourcesDivisionElseOnlyInItsProvinceAndSaysSo() {
        ParseNotes byDivision = new ParseNotes();
        var pingtan = DivisionResolver.resolve("管委会办公室", null, source("35", "350128"), 2025, byDivision);
        ParseNotes byProvince = new ParseNotes();
        var fujian = DivisionResolver.resolve("管委会办公室", null, source("35", null), 2025, byProvince);

        assertThat(pingtan.getStatus()).isEqualTo("resolved");
        assertThat(pingtan.getCountyCode()).isEqualTo("350128");
        assertThat(pingtan.getCountyName()).isEqualTo("平潭县");
        assertThat(byDivision.notes()).singleElement().satisfies(note -> {
            assertThat(ParseNoteCode.DIVISION_FROM_HINT.marks(note)).isTrue();
            assertThat(note.getMessage()).contains("平潭县 (350128)");
        });
        assertThat(fujian.getStatus()).isEqualTo("unresolved");
        assertThat(fujian.getProvinceCode()).isEqualTo("35");
        assertThat(fujian.getCityCode()).isNull();
        assertThat(byProvince.notes()).extracting(ParseNote::getCode).containsExactly("DIVISION_FROM_HINT");
    }

    @Test
    void theSiteNameAndTheAgencyHintAreWordsAndComeBeforeTheSourcesDivision() {
        ParseNotes bySite = new ParseNotes();
        var placedBySite = DivisionResolver.resolve("管委会办公室", "平潭综合实验区党工委管委会",
                new SourceInfo(null, null, "page.html", "crawl", "64", "640323", null, Instant.EPOCH), 2025, bySite);
        var placedByAgencyHint = DivisionResolver.resolve("管委会办公室", null,
                new SourceInfo(null, null, "page.html", "crawl", "64", "640323", "盐池县花马池镇人民政府", Instant.EPOCH),
                2025, new ParseNotes());

        assertThat(placedBySite.getCountyCode()).isEqualTo("350128");
        assertThat(bySite.notes()).extracting(ParseNote::getCode)
                .containsOnly("DIVISION_FROM_SITE_NAME", "DIVISION_HINT_DISAGREES");
        assertThat(placedByAgencyHint.getTownCode()).isEqualTo("640323100");
    }

    @Test
    void anAgencyNamingNoPlaceIsPlacedByTheSiteNameFirstThenByTheAgencyHintAndSaysWhich() {
        ParseNotes bySite = new ParseNotes();
        var placedBySite = DivisionResolver.resolve("管委会办公室", "平潭综合实验区党工委管委会",
                new SourceInfo(null, null, "page.html", "crawl", null, null, "盐池县人民政府", Instant.EPOCH), 2025, bySite);
        ParseNotes byHint = new ParseNotes();
        var placedByHint = DivisionResolver.resolve("管委会办公室", null,
                new SourceInfo(null, null, "page.html", "crawl", null, null, "盐池县人民政府", Instant.EPOCH), 2025, byHint);

        assertThat(placedBySite.getCountyCode()).isEqualTo("350128");
        assertThat(bySite.notes()).singleElement().satisfies(note -> {
            assertThat(ParseNoteCode.DIVISION_FROM_SITE_NAME.marks(note)).isTrue();
            assertThat(note.getCell()).isEqualTo("division");
            assertThat(note.getPrinted()).isEqualTo("平潭综合实验区党工委管委会");
            assertThat(note.getMessage()).contains("the publishing site's name");
        });
        assertThat(placedByHint.getCountyCode()).isEqualTo("640323");
        assertThat(byHint.notes()).singleElement().satisfies(note -> {
            assertThat(ParseNoteCode.DIVISION_FROM_AGENCY_HINT.marks(note)).isTrue();
            assertThat(note.getPrinted()).isEqualTo("盐池县人民政府");
            assertThat(note.getMessage()).contains("the agency hint given with the document");
        });
    }

    @Test
    void noAgencyLeavesTheDivisionUnresolved() {
        ParseNotes notes = new ParseNotes();

        assertThat(DivisionResolver.resolve(null, null, source(null), null, notes).getStatus()).isEqualTo("unresolved");
        assertThat(notes.warnings()).isEmpty();
    }

    private static SourceInfo source(String provinceHint) {
        return source(provinceHint, null);
    }

    private static SourceInfo source(String provinceHint, String divisionHint) {
        return new SourceInfo(null, null, "report.txt", "upload", provinceHint, divisionHint, null, Instant.EPOCH);
    }
}
