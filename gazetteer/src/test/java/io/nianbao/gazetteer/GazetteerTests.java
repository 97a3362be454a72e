package io.nianbao.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.gazetteer.Resolution.HintUse.Effect;
import io.nianbao.gazetteer.Resolution.Status;

class GazetteerTests {
    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void theCountiesOfTheLatestTableAreListedWithoutPlaceholdersOrRetiredCodes() {
        var counties = gazetteer.current(Level.COUNTY);

        assertThat(counties).hasSizeBetween(2800, 3100).allMatch(county -> county.code().length() == 6)
                .noneMatch(Division::isPlaceholder);
        assertThat(counties).extracting(Division::code).contains("640323", "410308", "110101")
                .doesNotContain("410322") // 孟津县, a district (410308) since 2021
                .isSorted();
    }

    @Test
    void resolvesACountyAndTownPairToTheUniqueTown() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", Hints.NONE, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.townCode()).isEqualTo("640323100");
        assertThat(resolution.townName()).isEqualTo("花马池镇");
        assertThat(resolution.countyCode()).isEqualTo("640323");
        assertThat(resolution.countyName()).isEqualTo("盐池县");
        assertThat(resolution.cityCode()).isEqualTo("6403");
        assertThat(resolution.cityName()).isEqualTo("吴忠市");
        assertThat(resolution.provinceCode()).isEqualTo("64");
        assertThat(resolution.provinceName()).isEqualTo("宁夏回族自治区");
        assertThat(resolution.candidates()).isEmpty();
        assertThat(resolution.code()).isEqualTo("640323100");
    }

    @Test
    void stripsTheOrganWordsAroundTheName() {
        assertThat(gazetteer.resolve("盐池县惠安堡镇人民政府", Hints.NONE, null, 2020).townCode()).isEqualTo("640323102");
        assertThat(gazetteer.resolve("孟津区白鹤镇人民政府", Hints.NONE, null, 2024).townCode()).isEqualTo("410308104");
    }

    @Test
    void leavesATownNameBorneTenTimesAmbiguousWithAllItsCandidates() {
        Resolution resolution = gazetteer.resolve("洪山镇人民政府", Hints.NONE, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(resolution.candidates()).hasSize(10).allMatch(code -> code.length() == 9);
        assertThat(resolution.candidates()).extracting(code -> code.substring(0, 2))
                .containsExactlyInAnyOrder("14", "34", "35", "35", "37", "41", "42", "43", "51", "61");
        assertThat(resolution.provinceCode()).isNull();
        assertThat(resolution.townCode()).isNull();
        assertThat(resolution.code()).isNull();
    }

    @Test
    void aProvinceHintNarrowsAnAmbiguousTownButDoesNotGuessBetweenTwoInTheProvince() {
        Resolution inShanxi = gazetteer.resolve("洪山镇人民政府", Hints.ofProvince("14"), null, 2024);
        assertThat(inShanxi.status()).isEqualTo(Status.RESOLVED);
        assertThat(inShanxi.countyName()).isEqualTo("介休市");

        Resolution inFujian = gazetteer.resolve("洪山镇人民政府", Hints.ofProvince("福建"), null, 2024);
        assertThat(inFujian.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(inFujian.candidates()).hasSize(2).allMatch(code -> code.startsWith("35"));
        assertThat(inFujian.provinceCode()).isEqualTo("35");
        assertThat(inFujian.provinceName()).isEqualTo("福建省");
    }

    // The agency's own name comes first: a province hint that disagrees with the one division it names no longer
    // empties the answer (it used to, dropping 盐池县花马池镇 for a hint of 江苏); the disagreement is said instead.
    @Test
    void theOneDivisionTheNameNamesIsKeptAgainstADisagreeingHintAndTheDisagreementSaid() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", Hints.ofProvince("32"), null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.townCode()).isEqualTo("640323100");
        assertThat(resolution.hintUses()).singleElement().satisfies(use -> {
            assertThat(use.effect()).isEqualTo(Effect.OVERRULED);
            assertThat(use.hint()).isEqualTo("32");
            assertThat(use.sentence()).contains("花马池镇", "640323100", "江苏省", "32");
        });
        assertThat(resolution.notes()).contains(resolution.hintUses().get(0).sentence());
    }

    @Test
    void aPageNamingPingtanIsInPingtanWhateverTheHintsSayAndBothDisagreementsAreSaid() {
        Resolution resolution = gazetteer.resolve("平潭综合实验区管委会办公室", new Hints("11", "110108"), null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.countyCode()).isEqualTo("350128");
        assertThat(resolution.provinceCode()).isEqualTo("35");
        assertThat(resolution.hintUses()).extracting(Resolution.HintUse::effect).containsOnly(Effect.OVERRULED);
        assertThat(resolution.hintUses()).extracting(Resolution.HintUse::hint).containsExactly("110108", "11");
        assertThat(resolution.hintUses().get(0).sentence()).contains("平潭县 (350128)", "海淀区 (110108)");
        assertThat(resolution.hintUses().get(1).sentence()).contains("平潭县 (350128)", "北京市 (11)");
    }

    @Test
    void hintsThatAgreeWithTheOneDivisionTheNameNamesAreNotMentioned() {
        Resolution resolution = gazetteer.resolve("北京市海淀区人民政府", new Hints("11", "110108"), null, 2024);

        assertThat(resolution.countyCode()).isEqualTo("110108");
        assertThat(resolution.hintUses()).isEmpty();
        assertThat(resolution.notes()).isEmpty();
    }

    @Test
    void aProvinceOrDivisionHintChoosesBetweenTheTwoChaoyangDistrictsAndSaysSo() {
        Resolution unhinted = gazetteer.resolve("朝阳区人民政府", Hints.NONE, null, 2024);
        assertThat(unhinted.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(unhinted.candidates()).contains("110105", "220104");

        Resolution inJilin = gazetteer.resolve("朝阳区人民政府", Hints.ofProvince("22"), null, 2024);
        assertThat(inJilin.status()).isEqualTo(Status.RESOLVED);
        assertThat(inJilin.countyCode()).isEqualTo("220104");
        assertThat(inJilin.cityName()).isEqualTo("长春市");
        assertThat(inJilin.hintUses()).singleElement().satisfies(use -> {
            assertThat(use.effect()).isEqualTo(Effect.NARROWED);
            assertThat(use.sentence()).contains("吉林省 (22)", "朝阳区 (220104)");
        });

        Resolution inBeijingCity = gazetteer.resolve("朝阳区人民政府", new Hints(null, "1101"), null, 2024);
        assertThat(inBeijingCity.countyCode()).isEqualTo("110105");
        assertThat(inBeijingCity.hintUses()).extracting(Resolution.HintUse::effect).containsExactly(Effect.NARROWED);
    }

    @Test
    void aHintNoCandidateLiesInLeavesTheNameAmbiguousAndSaysSo() {
        Resolution resolution = gazetteer.resolve("朝阳区人民政府", Hints.ofProvince("64"), null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(resolution.candidates()).contains("110105", "220104");
        assertThat(resolution.hintUses()).singleElement().satisfies(use -> {
            assertThat(use.effect()).isEqualTo(Effect.OVERRULED);
            assertThat(use.sentence()).contains("宁夏回族自治区 (64)");
        });
    }

    @Test
    void hintsAlonePlaceAReportWhoseWordsNameNoDivisionAtTheHintedDivisionElseOnlyInTheHintedProvince() {
        Resolution county = gazetteer.fromHints(new Hints("35", "350128"));
        assertThat(county.status()).isEqualTo(Status.RESOLVED);
        assertThat(county.countyCode()).isEqualTo("350128");
        assertThat(county.countyName()).isEqualTo("平潭县");
        assertThat(county.cityCode()).isEqualTo("3501");
        assertThat(county.hintUses()).singleElement().satisfies(use -> {
            assertThat(use.effect()).isEqualTo(Effect.SUPPLIED);
            assertThat(use.hint()).isEqualTo("350128");
        });

        Resolution town = gazetteer.fromHints(new Hints(null, "640323100"));
        assertThat(town.townName()).isEqualTo("花马池镇");
        assertThat(town.countyName()).isEqualTo("盐池县");

        Resolution province = gazetteer.fromHints(Hints.ofProvince("35"));
        assertThat(province.status()).isEqualTo(Status.UNRESOLVED);
        assertThat(province.provinceCode()).isEqualTo("35");
        assertThat(province.provinceName()).isEqualTo("福建省");
        assertThat(province.cityCode()).isNull();
        assertThat(province.hintUses()).extracting(Resolution.HintUse::effect).containsExactly(Effect.SUPPLIED);

        Resolution none = gazetteer.fromHints(Hints.NONE);
        assertThat(none.code()).isNull();
        assertThat(none.notes()).isEmpty();
    }

    @Test
    void ignoresADivisionHintThatIsNoDivisionAndSaysSo() {
        Resolution resolution = gazetteer.fromHints(new Hints("35", "359999"));

        assertThat(resolution.status()).isEqualTo(Status.UNRESOLVED);
        assertThat(resolution.provinceCode()).isEqualTo("35");
        assertThat(resolution.notes()).anyMatch(note -> note.contains("'359999'"));
    }

    @Test
    void theSourceSiteNarrowsATownNameBorneInSeveralCounties() {
        Resolution withoutSite = gazetteer.resolve("白马乡", Hints.NONE, null, 2023);
        assertThat(withoutSite.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(withoutSite.candidates()).hasSizeGreaterThan(1).contains("640521201");

        Resolution onSite = gazetteer.resolve("白马乡", Hints.NONE, "http://www.znzf.gov.cn/zwgk/nb.htm", 2023);
        assertThat(onSite.status()).isEqualTo(Status.RESOLVED);
        assertThat(onSite.townCode()).isEqualTo("640521201");
        assertThat(onSite.notes()).anyMatch(note -> note.contains("中宁县"));
    }

    @Test
    void resolvesTheCountyAndTownOfTheSeedReports() {
        assertThat(gazetteer.resolve("中宁县白马乡", Hints.NONE, null, 2023).townCode()).isEqualTo("640521201");
    }

    @Test
    void resolvesAnAgencyNamedWithItsProvinceInFront() {
        Resolution resolution = gazetteer.resolve("宁夏回族自治区盐池县花马池镇人民政府", Hints.NONE, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.townCode()).isEqualTo("640323100");
    }

    @Test
    void aProvincialPortalNarrowsAnAmbiguousNameToItsProvince() {
        Resolution resolution = gazetteer.resolve("洪山镇", Hints.NONE, "https://fgw.hubei.gov.cn/fbjd/nb/", 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.countyName()).isEqualTo("随县");
    }

    @Test
    void anUnknownOrMalformedSourceSiteLeavesTheCandidatesAsTheyAre() {
        assertThat(gazetteer.resolve("洪山镇", Hints.NONE, "https://www.example.org/nb.html", 2024).candidates()).hasSize(10);
        assertThat(gazetteer.resolve("洪山镇", Hints.NONE, "::not a url::", 2024).candidates()).hasSize(10);
    }

    @Test
    void resolvesACityGovernmentAtCityLevel() {
        Resolution resolution = gazetteer.resolve("淮安市人民政府", Hints.NONE, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.cityCode()).isEqualTo("3208");
        assertThat(resolution.countyCode()).isNull();
        assertThat(gazetteer.resolve("淮安市洪泽区人民政府", Hints.ofProvince("32"), null, 2023).countyCode()).isEqualTo("320813");
    }

    @Test
    void resolvesAProvincialAgencyAtProvinceLevel() {
        Resolution resolution = gazetteer.resolve("福建省人民政府办公厅", Hints.NONE, null, 2022);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.code()).isEqualTo("35");
        assertThat(resolution.cityCode()).isNull();
    }

    @Test
    void resolvesThePingtanZoneToPingtanCounty() {
        Resolution resolution = gazetteer.resolve("平潭综合实验区（管委会/平潭县人民政府）", Hints.ofProvince("35"), null, 2021);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.countyCode()).isEqualTo("350128");
        assertThat(resolution.countyName()).isEqualTo("平潭县");
        assertThat(gazetteer.resolve("平潭综合实验区", Hints.NONE, null, 2019).countyCode()).isEqualTo("350128");
    }

    @Test
    void resolvesTheOldNameOfARenamedCountyAndSaysWhatItIsNow() {
        Resolution in2020 = gazetteer.resolve("孟津县白鹤镇人民政府", Hints.NONE, null, 2020);
        assertThat(in2020.status()).isEqualTo(Status.RESOLVED);
        assertThat(in2020.townCode()).isEqualTo("410322104");
        assertThat(in2020.countyName()).isEqualTo("孟津县");
        assertThat(in2020.currentCode()).isEqualTo("410308104");
        assertThat(in2020.notes()).anyMatch(note -> note.contains("孟津县") && note.contains("410308"));

        Resolution in2024 = gazetteer.resolve("孟津区白鹤镇人民政府", Hints.NONE, null, 2024);
        assertThat(in2024.townCode()).isEqualTo("410308104");
        assertThat(in2024.countyName()).isEqualTo("孟津区");
        assertThat(in2024.currentCode()).isEqualTo("410308104");
        assertThat(in2024.notes()).isEmpty();

        Resolution county = gazetteer.resolve("孟津县人民政府", Hints.NONE, null, 2020);
        assertThat(county.countyCode()).isEqualTo("410322");
        assertThat(county.currentCode()).isEqualTo("410308");
    }

    @Test
    void passesOverANameNotInUseInTheReportYearWhenAnotherFits() {
        // 孟津县白鹤镇 (410322104) became 孟津区白鹤镇 (410308104); each table has five 白鹤镇.
        assertThat(gazetteer.resolve("白鹤镇", Hints.NONE, null, 2024).candidates()).hasSize(5)
                .contains("410308104").doesNotContain("410322104");
        assertThat(gazetteer.resolve("白鹤镇", Hints.NONE, null, 2020).candidates()).hasSize(5)
                .contains("410322104").doesNotContain("410308104");
    }

    @Test
    void saysWhenANameWasNotInUseInTheReportYear() {
        Resolution resolution = gazetteer.resolve("孟津县人民政府", Hints.NONE, null, 2024);

        assertThat(resolution.countyCode()).isEqualTo("410322");
        assertThat(resolution.notes()).anyMatch(note -> note.contains("not a name in use in 2024"));
    }

    @Test
    void leavesNamesThatDoNotExistUnresolved() {
        assertThat(gazetteer.resolve("某某局", Hints.NONE, null, 2024).status()).isEqualTo(Status.UNRESOLVED);
        assertThat(gazetteer.resolve("", Hints.NONE, null, null).status()).isEqualTo(Status.UNRESOLVED);
        assertThat(gazetteer.resolve(null, Hints.ofProvince("64"), null, null).candidates()).isEmpty();
    }

    @Test
    void ignoresAProvinceHintThatIsNoProvinceAndSaysSo() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", Hints.ofProvince("99"), null, 2024);

        assertThat(resolution.townCode()).isEqualTo("640323100");
        assertThat(resolution.notes()).anyMatch(note -> note.contains("'99'"));
    }

    @Test
    void findsDivisionsByCode() {
        assertThat(gazetteer.byCode("410308")).map(Division::name).contains("孟津区");
        assertThat(gazetteer.byCode("410322")).map(Division::name).contains("孟津县");
        assertThat(gazetteer.byCode("410322")).map(Division::successorCode).contains("410308");
        assertThat(gazetteer.byCode("640323100")).map(Division::parentCode).contains(java.util.Optional.of("640323"));
        assertThat(gazetteer.byCode("6403")).map(Division::level).contains(Level.CITY);
        assertThat(gazetteer.byCode("123")).isEmpty();
    }
}
