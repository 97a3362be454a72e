package io.nianbao.store.domain;

import static io.nianbao.store.TestRecords.finding;
import static io.nianbao.store.TestRecords.validated;
import static io.nianbao.store.TestRecords.withFigures;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;
import io.nianbao.schema.ValidatedReport;

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

    @Test
    void theScorecardFactsAreComputedFromTheDocumentAsItIsBuilt() {
        ValidatedReport validated = withFigures(validated("r1", "盐池县 花马池镇", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED),
                finding("S3-ROW-TOTAL", Severity.ERROR, Outcome.NOT_ASSESSABLE),
                finding("PUB-LATE", Severity.WARN, Outcome.FAILED),
                finding("COPY-PEER", Severity.WARN, Outcome.FAILED)), "640323", 9, null);

        ScorecardFacts facts = facts(ReportDocuments.of(validated, NOW));

        assertThat(facts.agencyKey()).isEqualTo("64|盐池县花马池镇");
        assertThat(facts.year()).isEqualTo(2024);
        assertThat(facts.reportId()).isEqualTo("r1");
        assertThat(facts.countyCode()).isEqualTo("640323");
        assertThat(facts.errors()).as("only the failed ERROR check").isEqualTo(1);
        assertThat(facts.warnings()).isEqualTo(2);
        assertThat(facts.late()).isTrue();
        assertThat(facts.copyPeer()).isTrue();
        assertThat(facts.copyPrior()).isFalse();
        assertThat(facts.incomplete()).as("no section found").isTrue();
        assertThat(facts.revisions()).isZero();
        assertThat(facts.figures()).containsEntry("newApplications", 9L).containsEntry("granted", null);
        assertThat(facts(ReportDocuments.of(validated("r2", null, 2024, "64", "p1"), NOW)).agencyKey())
                .as("a placeholder stands alone").isEqualTo("report:r2");
    }

    @Test
    void aRevisionsScorecardFactsAreTheNewVersionsWithTheEarlierOnesCounted() {
        Document first = stored(ReportDocuments.of(withFigures(validated("r1", "镇", 2024, "64", "p1",
                finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED)), "640323", 4, 2), NOW));
        Document second = ReportDocuments.of(withFigures(validated("r2", "镇", 2024, "64", "p1"), "640323", 6, 2),
                NOW.plusSeconds(60));

        ScorecardFacts facts = facts(ReportDocuments.revise(first, second));

        assertThat(facts.reportId()).isEqualTo("r2");
        assertThat(facts.errors()).isZero();
        assertThat(facts.figures()).containsEntry("newApplications", 6L);
        assertThat(facts.revisions()).isEqualTo(1);
    }

    @Test
    void aRejudgedVersionsScorecardFactsHoldTheNewVerdict() {
        Document first = stored(ReportDocuments.revise(ReportDocuments.of(validated("r0", "镇", 2024, "64", "p1"), NOW),
                ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1"), NOW)));
        Document judgedAgain = ReportDocuments.of(validated("r1", "镇", 2024, "64", "p1",
                finding("COPY-PRIOR", Severity.WARN, Outcome.FAILED)), NOW);

        ScorecardFacts facts = facts(ReportDocuments.rejudge(first, judgedAgain));

        assertThat(facts.copyPrior()).isTrue();
        assertThat(facts.warnings()).isEqualTo(1);
        assertThat(facts.status()).isEqualTo("errors");
        assertThat(facts.revisions()).as("the stored history stays").isEqualTo(1);
    }

    /** The facts as the scorecard reads them back. */
    private static ScorecardFacts facts(Document document) {
        return ScorecardFacts.from(document.get(ReportDocuments.SCORECARD, Document.class));
    }

    /** As MongoDB hands it back: instants become dates. */
    private static Document stored(Document document) {
        Document stored = new Document(document);
        stored.put("storedAt", Date.from(document.get("storedAt", Instant.class)));
        return stored;
    }
}
