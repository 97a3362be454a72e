package io.nianbao.store.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import io.nianbao.store.domain.ReportQuery;
import io.nianbao.store.domain.ReportSort;

/** The filters a listing sends to MongoDB: targeted by province, and user text only ever a literal. */
class ReportConditionsTests {
    @Test
    void aCityOrCountyAloneIsQueriedWithinItsProvinceSoTheQueryIsTargetedAndIndexed() {
        assertThat(fields(query(null, "6403", null, null))).containsExactly(
                "{\"provinceCode\": \"64\"}", "{\"division.cityCode\": \"6403\"}");
        assertThat(fields(query(null, null, "640323", null))).containsExactly(
                "{\"provinceCode\": \"64\"}", "{\"division.countyCode\": \"640323\"}");
        assertThat(fields(query("41", "6403", null, null))).first().isEqualTo("{\"provinceCode\": \"41\"}");
    }

    @Test
    void anAgencyTextIsMatchedLiterallyNeverAsAnOperatorOrPattern() {
        assertThat(fields(query(null, null, null, "{\"$where\": \"1\"}.*"))).containsExactly(
                "{\"agency\": {\"$regularExpression\": {\"pattern\": \"\\\\Q{\\\"$where\\\": \\\"1\\\"}.*\\\\E\", \"options\": \"\"}}}");
    }

    private static ReportQuery query(String province, String city, String county, String agency) {
        return new ReportQuery(province, city, county, null, null, null, null, agency, ReportSort.YEAR, null);
    }

    private static List<String> fields(ReportQuery query) {
        return ReportRepository.conditions(query).stream().map(Bson::toBsonDocument).map(BsonDocument::toJson).toList();
    }
}
