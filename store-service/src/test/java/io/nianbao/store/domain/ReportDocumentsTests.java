package io.nianbao.store.domain;

import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class ReportDocumentsTests {
    private static final Instant NOW = Instant.parse("2025-02-01T10:00:00Z");

    @Test
    void theDocumentIdIsTheAgencyKeyAndTheYear() {
        Document document = ReportDocuments.of(validated("r1", "盐池县 花马池镇", 2024, "64", "p1"), NOW);

        assertThat(document.get("_id")).isEqualTo("64|盐池县花马池镇|2024");
    }

    @Test
    void aReportWithoutAgencyOrYearIsKeptAloneUnderItsReportId() {
        assertThat(ReportDocuments.of(validated("r1", null, 2024, "64", "p1"), NOW).get("_id")).isEqualTo("report:r1");
        assertThat(ReportDocuments.of(validated("r2", "盐池县花马池镇", null, "64", "p1"), NOW).get("_id"))
                .isEqualTo("report:r2");
    }

    @Test
    void theDocumentHoldsTheCanonicalFieldsTheValidationAndTheStoreFields() {
        Document document = ReportDocuments.of(validated("r1", "盐池县花马池镇", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED),
                finding("S3-ROW-TOTAL", Severity.ERROR, Outcome.NOT_ASSESSABLE),
                finding("PROSE", Severity.WARN, Outcome.FAILED)), NOW);

        assertThat(document).containsEntry("reportId", "r1").containsEntry("agency", "盐池县花马池镇")
                .containsEntry("year", 2024).containsEntry("parserVersion", "p1").containsEntry("status", "errors")
                .containsEntry("rulesVersion", "rules-1").containsEntry("provinceCode", "64")
                .containsEntry("storedAt", NOW).containsEntry("history", List.of());
        assertThat(document.get("alertCount")).as("only failed ERROR checks raise alerts").isEqualTo(1);
        assertThat(document).as("what was not read stays null, never 0").containsEntry("applications", null)
                .containsEntry("review", null);
        assertThat(document.getList("findings", Object.class)).hasSize(3);
    }

    @Test
    void aRevisionPutsTheStoredVersionInTheHistory() {
        Document first = stored(ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1"), NOW));
        Document second = ReportDocuments.of(validated("r2", "镇", 2024, "64", "p1"), NOW.plusSeconds(60));

        Document revised = ReportDocuments.revise(first, second);

        assertThat(revised.get("reportId")).isEqualTo("r2");
        assertThat(revised.getList("history", Document.class)).containsExactly(new Document("reportId", "r1")
                .append("parserVersion", "p1").append("status", "consistent").append("storedAt", Date.from(NOW)));
    }

    @Test
    void aVersionThatBecomesCurrentAgainLeavesTheHistory() {
        Document first = ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1"), NOW);
        Document second = ReportDocuments.of(validated("r2", "镇", 2024, "64", "p1"), NOW.plusSeconds(60));
        Document secondStored = ReportDocuments.revise(first, second);

        Document firstAgain = ReportDocuments.revise(secondStored, first);

        assertThat(firstAgain.getList("history", Document.class)).extracting(h -> h.get("reportId"))
                .containsExactly("r2");
    }

    @Test
    void theSameContentFromAnotherParserIsAnotherVersion() {
        Document p1 = ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1"), NOW);

        assertThat(ReportDocuments.sameVersion(p1, ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1"), NOW)))
                .isTrue();
        assertThat(ReportDocuments.sameVersion(p1, ReportDocuments.of(validated("r1", "镇", 2024, "64", "p2"), NOW)))
                .isFalse();
    }

    /** As MongoDB hands it back: instants become dates. */
    private static Document stored(Document document) {
        Document stored = new Document(document);
        stored.put("storedAt", Date.from(document.get("storedAt", Instant.class)));
        return stored;
    }
}
