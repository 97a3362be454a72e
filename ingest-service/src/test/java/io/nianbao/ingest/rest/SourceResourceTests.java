package io.nianbao.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nianbao.crawler.FakeGovernmentSite;
import io.nianbao.crawler.Source;
import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.RecordHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

@QuarkusTest
@WithTestResource(InMemoryRawReportsResource.class)
class SourceResourceTests {
    private static final String API_KEY = "test-api-key";

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private InMemorySink<RawReport> raw;
    private FakeGovernmentSite site;

    @BeforeEach
    void startSite() throws IOException {
        raw = connector.sink(RawReportProducer.CHANNEL);
        raw.clear();
        site = new FakeGovernmentSite();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Source source(String id) {
        return new Source(id, "盐池县人民政府 政府信息公开年报", "64", "640323", null, List.of(site.listUrl()), 5, null, List.of(), 24);
    }

    @Test
    void crawlPublishesEachReportOnceAsACrawledRawReportAndAChangedOneAgain() {
        authorised().contentType(ContentType.JSON).body(source("fake-yanchi")).post("/api/sources")
                .then().statusCode(201).header("Location", containsString("/api/sources/fake-yanchi"));

        authorised().post("/api/sources/fake-yanchi/crawl").then().statusCode(200)
                .body("published", equalTo(FakeGovernmentSite.REPORTS))
                .body("errors", hasSize(4))
                .body("blocked", equalTo(null));

        assertThat(raw.received()).hasSize(FakeGovernmentSite.REPORTS);
        assertThat(raw.received()).extracting(Message::getPayload).allSatisfy(report -> {
            assertThat(report.getOrigin()).isEqualTo("crawl");
            assertThat(report.getProvinceHint()).isEqualTo("64");
            assertThat(report.getDivisionHint()).isEqualTo("640323");
            assertThat(report.getSourceUrl()).startsWith(site.base());
            assertThat(report.getPageTitle()).contains("政府信息公开工作年度报告");
            assertThat(report.getListedDate()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(raw.received()).extracting(m -> m.getPayload().getMediaType())
                .containsExactlyInAnyOrder("text/html", "text/html", "application/pdf", "application/pdf", "application/msword");
        assertThat(headers(raw.received().get(0))).containsEntry(RecordHeaders.PROVINCE, "64");

        String firstPdfId = raw.received().stream().map(Message::getPayload)
                .filter(r -> r.getSourceUrl().endsWith("/files/report2.pdf")).findFirst().orElseThrow().getReportId();
        raw.clear();
        authorised().post("/api/sources/fake-yanchi/crawl").then().statusCode(200).body("published", equalTo(0));
        assertThat(raw.received()).isEmpty();

        byte[] corrected = "%PDF-1.4\n更正后的年报".getBytes(StandardCharsets.UTF_8);
        site.changeAttachment(corrected);
        authorised().post("/api/sources/fake-yanchi/crawl").then().statusCode(200).body("published", equalTo(1));
        assertThat(raw.received()).singleElement().satisfies(message -> {
            assertThat(message.getPayload().getContent().array()).isEqualTo(corrected);
            assertThat(message.getPayload().getChangedAfterPublication()).isEqualTo("content changed after publication");
            assertThat(message.getPayload().getPreviousReportId()).isEqualTo(firstPdfId);
        });

        authorised().get("/api/sources/fake-yanchi/status").then().statusCode(200)
                .body("sourceId", equalTo("fake-yanchi"))
                .body("crawledBy", equalTo(true))
                .body("lastCrawl", notNullValue())
                .body("publishedTotal", equalTo(FakeGovernmentSite.REPORTS + 1))
                .body("lastErrors", hasItem(containsString("HTTP 404")));
    }

    @Test
    void sourcesAreCreatedReadReplacedAndDeletedWithClearErrors() {
        authorised().get("/api/sources").then().statusCode(200).body("id", hasItem("yanchi-zfxxgknb"));
        authorised().contentType(ContentType.JSON).body(source("admin-a")).post("/api/sources").then().statusCode(201);
        authorised().contentType(ContentType.JSON).body(source("admin-a")).post("/api/sources")
                .then().statusCode(409).body("error", equalTo("source_exists"));
        authorised().contentType(ContentType.JSON)
                .body(new Source("admin-b", "", "9", null, null, List.of(), 0, null, null, 0)).post("/api/sources")
                .then().statusCode(400).body("error", equalTo("invalid_source")).body("message", containsString("province"));
        authorised().contentType(ContentType.JSON).body(source("admin-b")).put("/api/sources/admin-a")
                .then().statusCode(400).body("message", containsString("not the id in the path"));

        Source renamed = new Source("admin-a", "改名", "64", null, null, List.of(site.listUrl()), 3, null, null, 12);
        authorised().contentType(ContentType.JSON).body(renamed).put("/api/sources/admin-a").then().statusCode(200);
        authorised().get("/api/sources/admin-a").then().statusCode(200).body("name", equalTo("改名")).body("scheduleHours", equalTo(12));

        authorised().delete("/api/sources/admin-a").then().statusCode(204);
        authorised().get("/api/sources/admin-a").then().statusCode(404).body("error", equalTo("source_not_found"));
        authorised().delete("/api/sources/yanchi-zfxxgknb").then().statusCode(204);
        authorised().get("/api/sources").then().statusCode(200).body("id", not(hasItem("yanchi-zfxxgknb")));
        authorised().post("/api/sources/nope/crawl").then().statusCode(404);
    }

    @Test
    void sourcesApiNeedsTheApiKey() {
        given().get("/api/sources").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body(source("sneaky")).post("/api/sources").then().statusCode(401);
        given().delete("/api/sources/yongjia-zfxxgknb").then().statusCode(401);
    }

    private static RequestSpecification authorised() {
        return given().header(IngestApiKeyFilter.HEADER, API_KEY);
    }

    private static Map<String, String> headers(Message<RawReport> message) {
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        Map<String, String> headers = new java.util.HashMap<>();
        kafka.getHeaders().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
