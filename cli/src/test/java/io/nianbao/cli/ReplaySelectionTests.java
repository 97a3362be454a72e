package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplaySelectionTests {

    @Test
    void aDocumentWhoseCurrentReportAnOlderParserMadeIsSelected() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, status(stored("0.4.0", true)))) {
            assertThat(ReplaySelection.storedByParserBelow("0.5.0", store.url(), "k").test("r1")).isTrue();
            assertThat(store.requests).singleElement().satisfies(request -> {
                assertThat(request.uri()).isEqualTo("/api/documents/r1");
                assertThat(request.apiKey()).isEqualTo("k");
            });
        }
    }

    @Test
    void aDocumentStoredByThatVersionOrANewerOneIsNot() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, status(stored("0.5.0", true)))) {
            assertThat(ReplaySelection.storedByParserBelow("0.5.0", store.url(), null).test("r1")).isFalse();
        }
        // Compared number by number, not as text.
        try (FakeHttpServer store = new FakeHttpServer(200, status(stored("0.10.0", true)))) {
            assertThat(ReplaySelection.storedByParserBelow("0.9.0", store.url(), null).test("r1")).isFalse();
        }
    }

    @Test
    void onlyTheCurrentVersionCounts() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, status(stored("0.4.0", false), stored("0.5.0", true)))) {
            assertThat(ReplaySelection.storedByParserBelow("0.5.0", store.url(), null).test("r1")).isFalse();
        }
    }

    @Test
    void aDocumentWithNoStoredReportIsNot() throws Exception {
        try (FakeHttpServer store = new FakeHttpServer(200, status("{\"state\":\"failed\",\"stage\":\"parse\"}"))) {
            assertThat(ReplaySelection.storedByParserBelow("0.5.0", store.url(), null).test("r1")).isFalse();
        }
        try (FakeHttpServer store = new FakeHttpServer(404, "{\"message\":\"no document\"}")) {
            assertThat(ReplaySelection.storedByParserBelow("0.5.0", store.url(), null).test("r1")).isFalse();
        }
    }

    private static String stored(String parserVersion, boolean current) {
        return "{\"state\":\"stored\",\"parserVersion\":\"" + parserVersion + "\",\"current\":" + current + "}";
    }

    private static String status(String... events) {
        return "{\"id\":\"r1\",\"status\":\"stored\",\"history\":[{\"state\":\"received\"}," + String.join(",", events) + "]}";
    }
}
