package io.nianbao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.ServiceProcess;

/**
 * Where an inconsistent report's alerts arrive, over the real stack: store-service's alert API and its live feed
 * (server-sent events), and a webhook receiver configured in validate-service, which checks the signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDeliveryEndToEndIT {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(90);
    private static final String SECRET = "end-to-end-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookReceiver webhook;
    private LocalStack stack;
    private PipelineClient client;
    private AlertFeed feed;

    @BeforeAll
    void startThePipelineWithAWebhook() {
        webhook = new WebhookReceiver();
        stack = E2eStack.start(Path.of("target", "e2e-alert-stack"),
                Map.of("NIANBAO_WEBHOOK_URLS", webhook.url(), "NIANBAO_WEBHOOK_SECRET", SECRET));
        client = new PipelineClient(stack.url(ServiceProcess.INGEST), stack.url(ServiceProcess.STORE), stack.apiKey());
        feed = new AlertFeed(stack.url(ServiceProcess.STORE) + "/api/alerts/stream");
    }

    @AfterAll
    void stopThePipeline() {
        if (feed != null) {
            feed.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void anInconsistentReportsAlertIsOnTheApiOnTheLiveFeedAndAtTheWebhookSigned() throws IOException {
        // Seed 002 with two new applications instead of one: section 三 no longer balances.
        String text = SampleReports.withTwoNewApplications(SampleReports.text(SampleReports.SEED_002)
                .replace("孟津区白鹤镇", "孟津区会盟镇"));
        String id = acceptedId("inconsistent.txt", text);

        await().atMost(STORED_WITHIN).untilAsserted(() ->
                assertThat(client.alerts(id).body().path("items").findValuesAsText("ruleId")).contains("S3-BALANCE"));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(feed.alerts())
                .anySatisfy(alert -> {
                    assertThat(alert.path("reportId").asText()).isEqualTo(id);
                    assertThat(alert.path("ruleId").asText()).isEqualTo("S3-BALANCE");
                }));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(webhook.deliveries()).anySatisfy(delivery -> {
            JsonNode alert = JSON.readTree(delivery.body());
            assertThat(alert.path("reportId").asText()).isEqualTo(id);
            assertThat(alert.path("ruleId").asText()).isEqualTo("S3-BALANCE");
            assertThat(delivery.signature()).isEqualTo(hmacSha256(delivery.timestamp(), delivery.body()));
            assertThat(delivery.alertId()).isEqualTo(alert.path("alertId").asText());
            assertThat(delivery.timestamp()).matches("[0-9]+");
        }));
    }

    @Test
    void aConsistentReportRaisesNoErrorAlertAnywhere() throws IOException {
        String agency = "盐池县高沙窝镇";
        String id = acceptedId("consistent.txt", seed000(agency));

        JsonNode report = awaitStored(id);

        assertThat(report.path("status").asText()).isNotEqualTo("errors");
        // The stored verdict itself, written with the report: alerts travel on their own topic and may lag it.
        assertThat(report.path("alertCount").asInt(-1)).isZero();
        assertThat(report.path("findings")).noneSatisfy(finding -> {
            assertThat(finding.path("severity").asText()).isEqualTo("ERROR");
            assertThat(finding.path("outcome").asText()).isEqualTo("FAILED");
        });

        // Alerts lag the report: absence means something only once an alert raised after it has arrived. The marker,
        // an inconsistent report of the same agency (2022, too far back for the carry-over chain), has the same key:
        // validated after the consistent one, its alerts follow any alert of it in the same partition.
        String marker = acceptedId("marker.txt", seed000(agency).replace("2024", "2022")
                .replace("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2"));
        await().atMost(STORED_WITHIN).untilAsserted(() -> {
            assertThat(client.alerts(marker).body().path("total").asInt()).isPositive();
            assertThat(feed.alerts()).anyMatch(alert -> alert.path("reportId").asText().equals(marker));
            assertThat(webhook.deliveries()).anyMatch(delivery -> reportIdOf(delivery).equals(marker));
        });
        assertThat(client.alerts(id).body().path("total").asInt(-1)).isZero();
        assertThat(feed.alerts()).noneMatch(alert -> alert.path("reportId").asText().equals(id));
        assertThat(webhook.deliveries()).noneMatch(delivery -> reportIdOf(delivery).equals(id));
    }

    private static String reportIdOf(WebhookReceiver.Delivery delivery) {
        try {
            return JSON.readTree(delivery.body()).path("reportId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theYearBeforeUploadedAfterTheYearAfterStillBreaksTheCarryoverChain() throws IOException {
        // 2024 says one application was carried over from 2023 (and granted); 2023, uploaded after it, carried
        // none forward.
        String agency = "盐池县大水坑镇";
        String later = seed000(agency)
                .replace("二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1")
                .replace("(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", "(一) 予以公开\t1\t0\t0\t0\t0\t0\t1")
                .replace("(七) 总计\t0\t0\t0\t0\t0\t0\t0", "(七) 总计\t1\t0\t0\t0\t0\t0\t1");
        String laterId = acceptedId("2024.txt", later);
        assertThat(awaitStored(laterId).path("year").asInt()).isEqualTo(2024);
        assertThat(failedRules(laterId)).doesNotContain("CARRY-CHAIN");

        String earlierId = acceptedId("2023.txt", seed000(agency).replace("2024", "2023"));

        assertThat(awaitStored(earlierId).path("year").asInt()).isEqualTo(2023);
        // CARRY-CHAIN is a WARN rule (DOMAIN.md §6): a finding of the later year judged again, not an alert; the
        // store replaces the later year's verdict.
        await().atMost(STORED_WITHIN).untilAsserted(() -> assertThat(failedRules(laterId)).contains("CARRY-CHAIN"));
    }

    /** The rules the stored verdict of the report failed, as the API serves it. */
    private List<String> failedRules(String reportId) {
        List<String> failed = new ArrayList<>();
        for (JsonNode finding : client.report(reportId).body().path("findings")) {
            if ("FAILED".equals(finding.path("outcome").asText())) {
                failed.add(finding.path("ruleId").asText());
            }
        }
        return failed;
    }

    /** Seed 000 (consistent, 2024) as another township of the county wrote it. */
    private static String seed000(String agency) {
        return SampleReports.text(SampleReports.SEED_000)
                .replace("盐池县花马池镇", agency);
    }

    private String acceptedId(String fileName, String text) {
        PipelineClient.Response response = client.upload(fileName, text.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
        return response.body().path("id").asText();
    }

    private JsonNode awaitStored(String reportId) {
        return await().atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> client.report(reportId), r -> r.status() == 200).body();
    }

    /** The receiver's own check, written independently of validate-service's signing code: timestamp "." body. */
    private static String hmacSha256(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook receiver on a free local port that takes every alert (200) and keeps what it got. */
    static final class WebhookReceiver implements AutoCloseable {
        record Delivery(byte[] body, String signature, String timestamp, String alertId) {
        }

        private final HttpServer server;
        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        WebhookReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hooks/nianbao", exchange -> {
                var headers = exchange.getRequestHeaders();
                deliveries.add(new Delivery(exchange.getRequestBody().readAllBytes(),
                        headers.getFirst("X-Nianbao-Signature"), headers.getFirst("X-Nianbao-Timestamp"),
                        headers.getFirst("X-Nianbao-Alert-Id")));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/nianbao";
        }

        List<Delivery> deliveries() {
            return deliveries;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** store-service's live alert feed, read from the start of the test class: the alerts of its events. */
    static final class AlertFeed implements AutoCloseable {
        private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
        private volatile Throwable failure;
        private final CompletableFuture<HttpResponse<Void>> stream;

        AlertFeed(String url) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build();
            stream = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new Flow.Subscriber<String>() {
                        @Override
                        public void onSubscribe(Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(String line) {
                            if (line.startsWith("data:")) {
                                try {
                                    alerts.add(JSON.readTree(line.substring("data:".length())));
                                } catch (IOException e) {
                                    throw new UncheckedIOException("not an alert on the feed: " + line, e);
                                }
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            failure = error;
                        }

                        @Override
                        public void onComplete() {
                        }
                    }));
        }

        List<JsonNode> alerts() {
            assertThat(failure).as("the live feed failed").isNull();
            return alerts;
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }
}
