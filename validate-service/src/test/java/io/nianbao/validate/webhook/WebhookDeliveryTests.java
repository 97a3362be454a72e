package io.nianbao.validate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.schema.Alert;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.Severity;

class WebhookDeliveryTests {
    private static final String SECRET = "shared-secret";
    private static final Instant NOW = Instant.parse("2026-01-20T08:00:00Z");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<WebhookSender> running = new ArrayList<>();
    private final List<TestReceiver> servers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        running.forEach(WebhookSender::stop);
        servers.forEach(TestReceiver::close);
    }

    @Test
    void eachAlertArrivesAsJsonSignedOverItsExactBodyWithTheAlertIdAsDedupKey() throws IOException {
        TestReceiver server = server();
        InMemoryAlertLog log = logOf(alert("a1", "S3-BALANCE"));

        start(server.url(), log);

        await().atMost(Duration.ofSeconds(5)).until(() -> log.deliveredCount() == 1);
        TestReceiver.Request request = server.requests().get(0);
        String timestamp = request.header(WebhookClient.TIMESTAMP_HEADER);
        String signature = request.header(WebhookSignature.HEADER);
        assertThat(WebhookSignature.verifies(SECRET, timestamp, request.body(), signature)).isTrue();
        assertThat(WebhookSignature.verifies("another secret", timestamp, request.body(), signature)).isFalse();
        // Replayed later with a fresh timestamp, the same signature no longer holds.
        assertThat(WebhookSignature.verifies(SECRET, Long.toString(NOW.getEpochSecond() + 600), request.body(),
                signature)).isFalse();
        assertThat(request.header(WebhookSignature.HEADER)).matches("sha256=[0-9a-f]{64}");
        assertThat(request.header(WebhookClient.DEDUP_HEADER)).isEqualTo("a1");
        assertThat(request.header(WebhookClient.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("alertId").asText()).isEqualTo("a1");
        assertThat(body.path("ruleId").asText()).isEqualTo("S3-BALANCE");
        assertThat(body.path("raisedAt").asText()).isEqualTo("2026-01-20T08:00:00Z");
    }

    @Test
    void aRefusedAlertIsRetriedWithTheSameBodyAndKeyAndRecordedOnlyOnceAccepted() {
        TestReceiver server = server(500, 503, 500);
        InMemoryAlertLog log = logOf(alert("a1", "S3-BALANCE"), alert("a2", "S4-TOTAL"));

        start(server.url(), log);

        await().atMost(Duration.ofSeconds(5)).until(() -> log.deliveredCount() == 2);
        List<TestReceiver.Request> requests = server.requests();
        assertThat(requests).hasSize(5);
        assertThat(requests.subList(0, 4)).allSatisfy(request -> {
            assertThat(request.header(WebhookClient.DEDUP_HEADER)).isEqualTo("a1");
            assertThat(request.body()).isEqualTo(requests.get(0).body());
        });
        assertThat(requests.get(4).header(WebhookClient.DEDUP_HEADER)).isEqualTo("a2");
        assertThat(registry.counter(WebhookSender.ATTEMPTS_FAILED, "receiver", describe(server.url())).count())
                .isEqualTo(3);
        assertThat(registry.counter(WebhookSender.DELIVERIES, "receiver", describe(server.url())).count())
                .isEqualTo(2);
    }

    @Test
    void aReceiverThatIsDownDelaysNoOtherAndKeepsItsAlertsUndelivered() throws IOException {
        TestReceiver live = server();
        InMemoryAlertLog liveLog = logOf(alert("a1", "S3-BALANCE"), alert("a2", "S4-TOTAL"), alert("a3", "PROSE-NONE"));
        InMemoryAlertLog deadLog = logOf(alert("a1", "S3-BALANCE"), alert("a2", "S4-TOTAL"), alert("a3", "PROSE-NONE"));
        WebhookSender dead = start(URI.create("http://127.0.0.1:" + closedPort() + "/alerts"), deadLog);

        start(live.url(), liveLog);

        await().atMost(Duration.ofSeconds(2)).until(() -> liveLog.deliveredCount() == 3);
        assertThat(live.requests()).extracting(request -> request.header(WebhookClient.DEDUP_HEADER))
                .containsExactly("a1", "a2", "a3");
        await().atMost(Duration.ofSeconds(2)).until(() -> dead.status().consecutiveFailures() >= 3);
        assertThat(deadLog.deliveredCount()).isZero();
        assertThat(dead.status().lastFailure()).contains("ConnectException");
        assertThat(dead.status().stoppedOnError()).isFalse();
    }

    @Test
    void stoppingWhileRetryingLeavesTheAlertForTheNextStart() {
        TestReceiver server = server(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        InMemoryAlertLog log = logOf(alert("a1", "S3-BALANCE"));
        WebhookSender receiver = start(server.url(), log);
        await().atMost(Duration.ofSeconds(2)).until(() -> server.requests().size() >= 2);

        receiver.stop();

        await().atMost(Duration.ofSeconds(2)).until(log::closed);
        assertThat(log.deliveredCount()).isZero();
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(List.of(1, 2, 3, 4, 5, 100).stream().map(backoff::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    private TestReceiver server(Integer... firstStatuses) {
        TestReceiver server = new TestReceiver(firstStatuses);
        servers.add(server);
        return server;
    }

    private WebhookSender start(URI url, InMemoryAlertLog log) {
        WebhookSender receiver = new WebhookSender(
                new WebhookClient(url, SECRET, Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC)),
                log, FAST, registry);
        running.add(receiver);
        Thread thread = new Thread(receiver);
        thread.setDaemon(true);
        thread.start();
        return receiver;
    }

    private static InMemoryAlertLog logOf(Alert... alerts) {
        InMemoryAlertLog log = new InMemoryAlertLog();
        for (Alert alert : alerts) {
            log.append(alert.getAlertId(), AlertJson.of(alert));
        }
        return log;
    }

    private static Alert alert(String alertId, String ruleId) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setReportId("report-1")
                .setAgency("盐池县花马池镇人民政府")
                .setYear(2024)
                .setProvinceCode("640000")
                .setSourceUrl(null)
                .setFinding(Finding.newBuilder()
                        .setRuleId(ruleId)
                        .setSeverity(Severity.ERROR)
                        .setOutcome(Outcome.FAILED)
                        .setMessageZh("不平衡")
                        .setMessageEn("does not balance")
                        .setCells(List.of("applications.newApplications[6]"))
                        .setExpected("2")
                        .setFound("1")
                        .build())
                .setRaisedAt(NOW)
                .build();
    }

    private static String describe(URI url) {
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    /** A port nothing listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
