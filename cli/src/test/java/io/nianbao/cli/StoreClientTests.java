package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class StoreClientTests {

    @Test
    void aReportNotStoredYetIsEmpty() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(404, "{\"message\":\"not found\"}")) {
            assertThat(new StoreClient(store.url(), null).report("r1")).isEmpty();
            assertThat(store.requests).singleElement().satisfies(request -> assertThat(request.uri()).isEqualTo("/api/reports/r1"));
        }
    }

    @Test
    void aReportIsNotThereYetWhileTheStoreCannotReachMongo() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(503, "{\"error\":\"store_unavailable\"}")) {
            assertThat(new StoreClient(store.url(), null).report("r1")).isEmpty();
        }
    }

    @Test
    void aStoredReportIsItsJsonDocument() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, "{\"agency\":\"中宁县白马乡\",\"year\":2023}")) {
            assertThat(new StoreClient(store.url(), "k").report("r1"))
                    .hasValueSatisfying(report -> assertThat(report.path("agency").asText()).isEqualTo("中宁县白马乡"));
            assertThat(store.requests).singleElement().satisfies(request -> assertThat(request.apiKey()).isEqualTo("k"));
        }
    }

    @Test
    void anyOtherAnswerIsAnErrorNamingTheStatus() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(500, "boom")) {
            assertThatThrownBy(() -> new StoreClient(store.url(), null).report("r1")).hasMessageContaining("HTTP 500").hasMessageContaining("boom");
        }
    }

    @Test
    void theAlertCountIsTheTotalOfTheAlertsOfTheReport() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, "{\"items\":[{},{}],\"total\":2}")) {
            assertThat(new StoreClient(store.url(), null).alertCount("r 1")).isEqualTo(2);
            assertThat(store.requests).singleElement().satisfies(request -> assertThat(request.uri()).isEqualTo("/api/alerts?reportId=r+1"));
        }
    }

    @Test
    void alertsWithoutATotalAreAnError() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, "{\"items\":[]}")) {
            assertThatThrownBy(() -> new StoreClient(store.url(), null).alertCount("r1")).hasMessageContaining("without a total");
        }
    }

    @Test
    void theStoredCountIsTheCounterOfReportsStoredAsNewDocuments() throws Exception {
        String metrics = """
                # TYPE nianbao_store_reports_total counter
                nianbao_store_reports_total{outcome="rejudged"} 7.0
                nianbao_store_reports_total{outcome="stored"} 1234.0
                nianbao_store_reports_total{outcome="unchanged"} 2.0
                nianbao_store_alerts_total{outcome="stored"} 99.0
                """;
        try (FakeHttpServer store = new FakeHttpServer(200, metrics)) {
            assertThat(new StoreClient(store.url(), null).storedCount()).hasValue(1234);
            assertThat(store.requests).singleElement().satisfies(request -> assertThat(request.uri()).isEqualTo("/q/metrics"));
        }
    }

    @Test
    void thereIsNoStoredCountWhileTheStoreDoesNotAnswer() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(503, "")) {
            assertThat(new StoreClient(store.url(), null).storedCount()).isEmpty();
        }
    }

    @Test
    void everyStoredReportIsReadAPageAtATimeFollowingTheCursors() throws Exception {
        Function<String, String> pages = uri -> switch (uri) {
            case "/api/reports?size=200" ->
                    "{\"items\":[{\"reportId\":\"r1\"},{\"reportId\":\"r2\"}],\"nextCursor\":\"c+1\"}";
            case "/api/reports?size=200&cursor=c%2B1" -> "{\"items\":[{\"reportId\":\"r3\"}],\"nextCursor\":null}";
            default -> "{\"items\":[],\"nextCursor\":null}";
        };
        try (FakeHttpServer store = new FakeHttpServer(pages, 200)) {
            List<String> read = new ArrayList<>();
            new StoreClient(store.url(), null).forEachReport(report -> read.add(report.path("reportId").asText()));

            assertThat(read).containsExactly("r1", "r2", "r3");
            assertThat(store.requests).extracting(FakeHttpServer.Request::uri)
                    .containsExactly("/api/reports?size=200", "/api/reports?size=200&cursor=c%2B1");
        }
    }

    @Test
    void aPageTheStoreCannotGiveIsAnErrorNamingTheStatus() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(503, "{\"error\":\"store_unavailable\"}")) {
            assertThatThrownBy(() -> new StoreClient(store.url(), null).forEachReport(report -> { }))
                    .hasMessageContaining("HTTP 503").hasMessageContaining("store_unavailable");
        }
    }
}
