package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.Socket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

import com.sun.net.httpserver.HttpServer;

/** The connection goes to the address the guard checked, whatever the host name would resolve to now. */
class PinnedHttpTests {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("Host " + exchange.getRequestHeaders().getFirst("Host") + " · 年报 ").repeat(200).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(200, 0); // 0: chunked, as many CMSs answer
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void hostNameIsSentButNeverResolvedAgain() throws Exception {
        int port = server.getAddress().getPort();
        // .invalid never resolves (RFC 6761): the request can only have gone to the pinned address.
        URI uri = URI.create("http://www.rebinding.invalid:" + port + "/nb.html");

        Fetched fetched = PinnedHttp.get(uri, InetAddress.getLoopbackAddress(), Map.of("User-Agent", "test"), TIMEOUT, 1 << 20);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text()).startsWith("Host www.rebinding.invalid:" + port + " · 年报").hasSize(("Host www.rebinding.invalid:" + port + " · 年报 ").length() * 200);
    }

    @Test
    void chunkedBodyOverTheCapIsRefused() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/big");

        assertThatThrownBy(() -> PinnedHttp.get(uri, InetAddress.getLoopbackAddress(), Map.of(), TIMEOUT, 1000))
                .isInstanceOf(FetchException.class).hasMessageContaining("cap of 1000 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n%PDF-1.7 only the first bytes",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n%PDF-1.7 only the first bytes",
        "HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\nok"})
    void aBodyCutShortOrAMalformedResponseIsAFailedFetchNeverADocument(String response) throws Exception {
        // A server that answers with these bytes and closes: a truncated PDF must not be published as the report.
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = raw.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test's assertion says what happened
                }
            });
            server.start();
            URI uri = URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/nb2024.pdf");

            assertThatThrownBy(() -> PinnedHttp.get(uri, InetAddress.getLoopbackAddress(), Map.of(), TIMEOUT, 1 << 20))
                    .isInstanceOf(IOException.class);
        }
    }
}
