package io.nianbao.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A local HTTP server that answers every request with a canned response and remembers the requests. */
final class FakeHttpServer implements AutoCloseable {
    record Request(String method, String uri, String apiKey, byte[] body) {
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeHttpServer(int status, String body) throws IOException {
        this(uri -> body, status);
    }

    /** Answers each request with {@code status} and the body for its URI (path and query). */
    FakeHttpServer(Function<String, String> bodyForUri, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, status, bodyForUri.apply(exchange.getRequestURI().toString())));
        server.start();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("X-API-Key"), exchange.getRequestBody().readAllBytes()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
