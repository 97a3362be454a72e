package io.nianbao.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in the launcher's tests: answers {@code /q/health/ready} with 200 on the port in
 * {@code QUARKUS_HTTP_PORT}, says so on stdout when SIGTERM lets it shut down, and with the argument {@code fail}
 * exits at once, as a service with a bad configuration does.
 */
public final class FakeService {
    static final String STOPPING = "fake service: shutting down cleanly";

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("fake service: cannot start, no configuration");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"key\":\"" + System.getenv("NIANBAO_API_KEY") + "\"}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake service: listening on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(STOPPING);
            server.stop(0);
        }));
    }

    /** The command line that runs this class in a JVM of its own. */
    static List<String> command(String... args) {
        try {
            Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> command = new java.util.ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx32m",
                    "-cp", classes.toString(), FakeService.class.getName()));
            command.addAll(List.of(args));
            return command;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
