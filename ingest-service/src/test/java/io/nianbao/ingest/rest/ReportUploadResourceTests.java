package io.nianbao.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.ingest.producer.BrokerStandIn;
import io.nianbao.ingest.producer.RawReportProducer;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.RawReport;
import io.nianbao.schema.RecordHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;


@QuarkusTest
@WithTestResource(InMemoryRawReportsResource.class)
class ReportUploadResourceTests {
    private static final String API_KEY = "test-api-key"; // %test.nianbao.api-key
    private static final int MAX_UPLOAD = 65536; // %test.nianbao.ingest.max-upload-bytes
    private static final Path SEED = Path.of("../samples/reports/000_e70ccd0979ef1614.txt");
    /** A real report converted from PDF to Markdown (report-parser's real pages). */
    private static final Path MARKDOWN_REPORT = Path.of("../report-parser/src/test/resources/real-pages/shanghai-office-2025.md");
    private static final String AGENCY = "盐池县花马池镇人民政府";
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final String UTF8_TEXT = "text/plain; charset=UTF-8";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    MeterRegistry registry;

    private InMemorySink<RawReport> raw;

    @BeforeEach
    void emptyTheChannel() {
        raw = connector.sink(RawReportProducer.CHANNEL);
        raw.clear();
    }

    @Test
    void rawBodyIsPublishedAsARawReportWithItsHintsKeyAndHeadersAndAccepted() throws IOException {
        byte[] seed = Files.readAllBytes(SEED);
        String id = sha256(seed);
        double acceptedBefore = uploads("accepted", 202);

        authorised()
                .contentType("application/octet-stream")
                .queryParam("agency", AGENCY)
                .queryParam("province", "64")
                .queryParam("sourceUrl", "http://www.yanchi.gov.cn/xxgk/2024nb.html")
                .queryParam("fileName", "2024年报.txt")
                .body(seed)
                .post("/api/reports")
                .then()
                .statusCode(202)
                .header("Location", "http://localhost:8084/api/documents/" + id)
                .body("id", equalTo(id))
                .body("mediaType", equalTo("text/plain"))
                .body("sizeBytes", equalTo(seed.length))
                .body("location", equalTo("http://localhost:8084/api/documents/" + id));

        assertThat(raw.received()).hasSize(1);
        Message<RawReport> message = raw.received().get(0);
        RawReport report = message.getPayload();
        assertThat(report.getReportId()).isEqualTo(id);
        assertThat(report.getContent().array()).isEqualTo(seed);
        assertThat(report.getMediaType()).isEqualTo("text/plain");
        assertThat(report.getFileName()).isEqualTo("2024年报.txt");
        assertThat(report.getSourceUrl()).isEqualTo("http://www.yanchi.gov.cn/xxgk/2024nb.html");
        assertThat(report.getAgencyHint()).isEqualTo(AGENCY);
        assertThat(report.getProvinceHint()).isEqualTo("64");
        assertThat(report.getOrigin()).isEqualTo("upload");
        assertThat(report.getReceivedAt()).isNotNull();

        OutgoingKafkaRecordMetadata<?> kafka = kafkaMetadata(message);
        assertThat(kafka.getKey()).isEqualTo(AgencyKey.of("64", AGENCY, id));
        assertThat(headers(kafka)).isEqualTo(Map.of(RecordHeaders.PROVINCE, "64", RecordHeaders.REPORT_ID, id));
        assertThat(uploads("accepted", 202)).isEqualTo(acceptedBefore + 1);
    }

    @Test
    void uploadIsAnsweredOnlyOnceTheBrokerAnsweredItsRawReport() throws Exception {
        BlockingQueue<Message<? extends RawReport>> awaitingAnswer = new LinkedBlockingQueue<>();
        QuarkusMock.installMockForType(new RawReportProducer(new BrokerStandIn(awaitingAnswer::add), Duration.ofSeconds(30),
                OpenTelemetry.noop()),
                RawReportProducer.class);

        CompletableFuture<Integer> refused = CompletableFuture.supplyAsync(() -> uploadText("第一份").statusCode());
        handedOver(awaitingAnswer).nack(new IllegalStateException("not enough in-sync replicas"));
        // Answered before the broker, it would have been 202 whatever the broker said.
        assertThat(refused).succeedsWithin(30, TimeUnit.SECONDS).isEqualTo(503);

        CompletableFuture<Integer> accepted = CompletableFuture.supplyAsync(() -> uploadText("第二份").statusCode());
        Message<? extends RawReport> second = handedOver(awaitingAnswer);
        assertThat(accepted).as("no answer while the broker has not acknowledged").isNotDone();
        second.ack();
        assertThat(accepted).succeedsWithin(30, TimeUnit.SECONDS).isEqualTo(202);
    }

    @Test
    void multipartFileIsAcceptedAndTypedFromItsBytesNotItsName() {
        String id = sha256(PDF);

        authorised()
                .multiPart("file", "report.txt", PDF, "text/plain")
                .multiPart("agency", AGENCY, UTF8_TEXT)
                .multiPart("sourceUrl", "https://www.example.gov.cn/nb.pdf")
                .post("/api/reports")
                .then()
                .statusCode(202)
                .header("Location", "http://localhost:8084/api/documents/" + id)
                .body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length));

        assertThat(raw.received()).hasSize(1);
        Message<RawReport> message = raw.received().get(0);
        assertThat(message.getPayload().getFileName()).isEqualTo("report.txt");
        assertThat(message.getPayload().getAgencyHint()).isEqualTo(AGENCY);
        assertThat(message.getPayload().getProvinceHint()).isNull();
        OutgoingKafkaRecordMetadata<?> kafka = kafkaMetadata(message);
        assertThat(kafka.getKey()).isEqualTo(AgencyKey.of(null, AGENCY, id));
        assertThat(headers(kafka)).containsExactly(Map.entry(RecordHeaders.REPORT_ID, id));
    }

    @Test
    void markdownReportIsAcceptedAsAFileOrAsTheBodyAndPublishedAsMarkdown() throws IOException {
        byte[] markdown = Files.readAllBytes(MARKDOWN_REPORT);
        String id = sha256(markdown);

        authorised()
                .multiPart("file", "shanghai-office-2025.md", markdown, "text/markdown")
                .post("/api/reports")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("mediaType", equalTo("text/markdown"));
        authorised().contentType("text/markdown; charset=UTF-8").body(markdown).post("/api/reports")
                .then().statusCode(202).body("mediaType", equalTo("text/markdown"));

        assertThat(raw.received()).hasSize(2).allSatisfy(message -> {
            assertThat(message.getPayload().getMediaType()).isEqualTo("text/markdown");
            assertThat(message.getPayload().getContent().array()).isEqualTo(markdown);
        });
        assertThat(raw.received().get(0).getPayload().getFileName()).isEqualTo("shanghai-office-2025.md");
    }

    @Test
    void emptyBodyIsRefusedWith400() {
        authorised().contentType("text/plain").body(new byte[0]).post("/api/reports")
                .then().statusCode(400).body("error", equalTo("empty_body")).body("message", containsString("empty"));
        authorised().multiPart("file", "empty.pdf", new byte[0]).post("/api/reports")
                .then().statusCode(400).body("error", equalTo("empty_body"));
        authorised().multiPart("agency", AGENCY).post("/api/reports")
                .then().statusCode(400).body("error", equalTo("empty_body")).body("message", containsString("'file'"));

        assertThat(raw.received()).isEmpty();
    }

    @Test
    void uploadAboveTheLimitIsRefusedWith413() {
        byte[] tooLarge = new byte[MAX_UPLOAD + 1];
        Arrays.fill(tooLarge, (byte) 'x');
        double refusedBefore = uploads("refused", 413);

        authorised().contentType("text/plain").body(tooLarge).post("/api/reports")
                .then().statusCode(413).body("error", equalTo("too_large")).body("message", containsString("65536 bytes"));
        authorised().multiPart("file", "big.txt", tooLarge).post("/api/reports")
                .then().statusCode(413).body("error", equalTo("too_large"));

        assertThat(raw.received()).isEmpty();
        assertThat(uploads("refused", 413)).isEqualTo(refusedBefore + 2);
    }

    @Test
    void typeThatCannotBeReadIsRefusedWith415NamingTheAcceptedTypes() {
        authorised().contentType("application/pdf").body(PNG).post("/api/reports")
                .then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"))
                .body("message", containsString("image/png"))
                .body("message", containsString("application/pdf"));
        authorised().multiPart("file", "report.pdf", PNG, "application/pdf").post("/api/reports")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type"));

        assertThat(raw.received()).isEmpty();
    }

    @Test
    void malformedProvinceHintIsRefusedWith400() {
        authorised().contentType("text/plain").queryParam("province", "6").body(PDF).post("/api/reports")
                .then().statusCode(400).body("error", equalTo("invalid_hint")).body("message", containsString("'6'"));
        authorised().multiPart("file", "nb.pdf", PDF).multiPart("province", "99").post("/api/reports")
                .then().statusCode(400).body("error", equalTo("invalid_hint"));

        assertThat(raw.received()).isEmpty();
    }

    @Test
    void missingOrWrongApiKeyIsRefusedWith401() {
        given().contentType("application/pdf").body(PDF).post("/api/reports")
                .then().statusCode(401).body("error", equalTo("unauthorized")).body("message", containsString("X-API-Key"));
        given().header(IngestApiKeyFilter.HEADER, "wrong").multiPart("file", "nb.pdf", PDF).post("/api/reports")
                .then().statusCode(401).body("error", equalTo("unauthorized"));

        assertThat(raw.received()).isEmpty();
    }

    private static Response uploadText(String text) {
        return authorised().contentType(UTF8_TEXT).body(text.getBytes(StandardCharsets.UTF_8)).post("/api/reports");
    }

    private static Message<? extends RawReport> handedOver(BlockingQueue<Message<? extends RawReport>> queue)
            throws InterruptedException {
        Message<? extends RawReport> message = queue.poll(30, TimeUnit.SECONDS);
        assertThat(message).as("a raw report handed to the broker").isNotNull();
        return message;
    }

    private static RequestSpecification authorised() {
        return given().header(IngestApiKeyFilter.HEADER, API_KEY);
    }

    private double uploads(String outcome, int status) {
        return registry.counter(UploadMetrics.UPLOADS, "outcome", outcome, "status", Integer.toString(status)).count();
    }

    private static OutgoingKafkaRecordMetadata<?> kafkaMetadata(Message<RawReport> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    }

    private static Map<String, String> headers(OutgoingKafkaRecordMetadata<?> kafka) {
        return StreamSupport.stream(kafka.getHeaders().spliterator(), false)
                .collect(Collectors.toMap(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
