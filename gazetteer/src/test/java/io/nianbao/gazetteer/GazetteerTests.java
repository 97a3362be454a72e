package io.nianbao.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nianbao.gazetteer.Resolution.Status;

class GazetteerTests {
    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void resolvesACountyAndTownPairToTheUniqueTown() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", null, null, 2024);

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
        assertThat(gazetteer.resolve("盐池县惠安堡镇人民政府", null, null, 2020).townCode()).isEqualTo("640323102");
        assertThat(gazetteer.resolve("孟津区白鹤镇人民政府", null, null, 2024).townCode()).isEqualTo("410308104");
    }

    @Test
    void leavesATownNameBorneTenTimesAmbiguousWithAllItsCandidates() {
        Resolution resolution = gazetteer.resolve("洪山镇人民政府", null, null, 2024);

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
        Resolution inShanxi = gazetteer.resolve("洪山镇人民政府", "14", null, 2024);
        assertThat(inShanxi.status()).isEqualTo(Status.RESOLVED);
        assertThat(inShanxi.countyName()).isEqualTo("介休市");

        Resolution inFujian = gazetteer.resolve("洪山镇人民政府", "福建", null, 2024);
        assertThat(inFujian.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(inFujian.candidates()).hasSize(2).allMatch(code -> code.startsWith("35"));
        assertThat(inFujian.provinceCode()).isEqualTo("35");
        assertThat(inFujian.provinceName()).isEqualTo("福建省");
    }

    @Test
    void aProvinceHintWinsOverTheNameAndDropsCandidatesOutsideIt() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", "32", null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.UNRESOLVED);
        assertThat(resolution.code()).isNull();
        assertThat(resolution.notes()).anyMatch(note -> note.contains("32"));
    }

    @Test
    void theSourceSiteNarrowsATownNameBorneInSeveralCounties() {
        Resolution withoutSite = gazetteer.resolve("白马乡", null, null, 2023);
        assertThat(withoutSite.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(withoutSite.candidates()).hasSizeGreaterThan(1).contains("640521201");

        Resolution onSite = gazetteer.resolve("白马乡", null, "http://www.znzf.gov.cn/zwgk/nb.htm", 2023);
        assertThat(onSite.status()).isEqualTo(Status.RESOLVED);
        assertThat(onSite.townCode()).isEqualTo("640521201");
        assertThat(onSite.notes()).anyMatch(note -> note.contains("中宁县"));
    }

    @Test
    void resolvesTheCountyAndTownOfTheSeedReports() {
        assertThat(gazetteer.resolve("中宁县白马乡", null, null, 2023).townCode()).isEqualTo("640521201");
    }

    @Test
    void resolvesAnAgencyNamedWithItsProvinceInFront() {
        Resolution resolution = gazetteer.resolve("宁夏回族自治区盐池县花马池镇人民政府", null, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.townCode()).isEqualTo("640323100");
    }

    @Test
    void aProvincialPortalNarrowsAnAmbiguousNameToItsProvince() {
        Resolution resolution = gazetteer.resolve("洪山镇", null, "https://fgw.hubei.gov.cn/fbjd/nb/", 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.countyName()).isEqualTo("随县");
    }

    @Test
    void anUnknownOrMalformedSourceSiteLeavesTheCandidatesAsTheyAre() {
        assertThat(gazetteer.resolve("洪山镇", null, "https://www.example.org/nb.html", 2024).candidates()).hasSize(10);
        assertThat(gazetteer.resolve("洪山镇", null, "::not a url::", 2024).candidates()).hasSize(10);
    }

    @Test
    void resolvesACityGovernmentAtCityLevel() {
        Resolution resolution = gazetteer.resolve("淮安市人民政府", null, null, 2024);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.cityCode()).isEqualTo("3208");
        assertThat(resolution.countyCode()).isNull();
        assertThat(gazetteer.resolve("淮安市洪泽区人民政府", "32", null, 2023).countyCode()).isEqualTo("320813");
    }

    @Test
    void resolvesAProvincialAgencyAtProvinceLevel() {
        Resolution resolution = gazetteer.resolve("福建省人民政府办公厅", null, null, 2022);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.code()).isEqualTo("35");
        assertThat(resolution.cityCode()).isNull();
    }

    @Test
    void resolvesThePingtanZoneToPingtanCounty() {
        Resolution resolution = gazetteer.resolve("平潭综合实验区（管委会/平潭县人民政府）", "35", null, 2021);

        assertThat(resolution.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolution.countyCode()).isEqualTo("350128");
        assertThat(resolution.countyName()).isEqualTo("平潭县");
        assertThat(gazetteer.resolve("平潭综合实验区", null, null, 2019).countyCode()).isEqualTo("350128");
    }

    @Test
    void resolvesTheOldNameOfARenamedCountyAndSaysWhatItIsNow() {
        Resolution in2020 = gazetteer.resolve("孟津县白鹤镇人民政府", null, null, 2020);
        assertThat(in2020.status()).isEqualTo(Status.RESOLVED);
        assertThat(in2020.townCode()).isEqualTo("410322104");
        assertThat(in2020.countyName()).isEqualTo("孟津县");
        assertThat(in2020.currentCode()).isEqualTo("410308104");
        assertThat(in2020.notes()).anyMatch(note -> note.contains("孟津县") && note.contains("410308"));

        Resolution in2024 = gazetteer.resolve("孟津区白鹤镇人民政府", null, null, 2024);
        assertThat(in2024.townCode()).isEqualTo("410308104");
        assertThat(in2024.countyName()).isEqualTo("孟津区");
        assertThat(in2024.currentCode()).isEqualTo("410308104");
        assertThat(in2024.notes()).isEmpty();

        Resolution county = gazetteer.resolve("孟津县人民政府", null, null, 2020);
        assertThat(county.countyCode()).isEqualTo("410322");
        assertThat(county.currentCode()).isEqualTo("410308");
    }

    @Test
    void passesOverANameNotInUseInTheReportYearWhenAnotherFits() {
        // 孟津县白鹤镇 (410322104) became 孟津区白鹤镇 (410308104); each table has five 白鹤镇.
        assertThat(gazetteer.resolve("白鹤镇", null, null, 2024).candidates()).hasSize(5)
                .contains("410308104").doesNotContain("410322104");
        assertThat(gazetteer.resolve("白鹤镇", null, null, 2020).candidates()).hasSize(5)
                .contains("410322104").doesNotContain("410308104");
    }

    @Test
    void saysWhenANameWasNotInUseInTheReportYear() {
        Resolution resolution = gazetteer.resolve("孟津县人民政府", null, null, 2024);

        assertThat(resolution.countyCode()).isEqualTo("410322");
        assertThat(resolution.notes()).anyMatch(note -> note.contains("not a name in use in 2024"));
    }

    @Test
    void leavesNamesThatDoNotExistUnresolved() {
        assertThat(gazetteer.resolve("某某局", null, null, 2024).status()).isEqualTo(Status.UNRESOLVED);
        assertThat(gazetteer.resolve("", null, null, null).status()).isEqualTo(Status.UNRESOLVED);
        assertThat(gazetteer.resolve(null, "64", null, null).candidates()).isEmpty();
    }

    @Test
    void ignoresAProvinceHintThatIsNoProvinceAndSaysSo() {
        Resolution resolution = gazetteer.resolve("盐池县花马池镇", "99", null, 2024);

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
