package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackUrlsTests {
    @Test
    void theDashboardComesFirstThenTheDocumentStatusAndTheFailures() {
        var lines = StackUrls.describe(service -> "http://localhost:" + (service.startsWith("store") ? 8084 : 8081));
        assertThat(lines.get(0)).isEqualTo("dashboard           http://localhost:8084/");
        assertThat(lines).anyMatch(line -> line.contains("http://localhost:8084/api/documents/{id}"))
                .anyMatch(line -> line.contains("http://localhost:8084/api/dead-letters"));
    }
}
