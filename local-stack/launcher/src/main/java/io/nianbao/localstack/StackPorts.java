package io.nianbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The TCP ports of one stack: the broker's client and controller listeners, the store, and each service's HTTP port. */
public record StackPorts(int kafka, int controller, int mongo, Map<String, Integer> services) {
    /** The keys a port is recorded under in {@code stack.properties}, after the component's name. */
    static final String PORT = ".port";
    static final String CONTROLLER_PORT = ".controller-port";

    public StackPorts {
        services = Map.copyOf(services);
    }

    /** The ports of the runtime contract: Kafka 9092/9093, MongoDB 27017, services 8081..8084. */
    public static StackPorts defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        int port = 8081;
        for (String service : ServiceProcess.NAMES) {
            services.put(service, port++);
        }
        return new StackPorts(9092, 9093, 27017, services);
    }

    /** Ports nothing listens on right now, all different: for tests that run beside a stack on the defaults. */
    public static StackPorts free() {
        List<Integer> ports = freePorts(3 + ServiceProcess.NAMES.size());
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int i = 0; i < ServiceProcess.NAMES.size(); i++) {
            services.put(ServiceProcess.NAMES.get(i), ports.get(3 + i));
        }
        return new StackPorts(ports.get(0), ports.get(1), ports.get(2), services);
    }

    /**
     * These ports, each replaced by the one a running stack recorded for its component ({@code stack.properties}):
     * a component started again into that stack must come back where its peers and users expect it.
     */
    public StackPorts recordedIn(Properties stack) {
        Map<String, Integer> recordedServices = new LinkedHashMap<>(services);
        recordedServices.replaceAll((service, port) -> recorded(stack, service + PORT, port));
        return new StackPorts(recorded(stack, KafkaBroker.COMPONENT + PORT, kafka),
                recorded(stack, KafkaBroker.COMPONENT + CONTROLLER_PORT, controller),
                recorded(stack, MongoStore.COMPONENT + PORT, mongo), recordedServices);
    }

    private static int recorded(Properties stack, String key, int otherwise) {
        String port = stack.getProperty(key);
        return port == null ? otherwise : Integer.parseInt(port.trim());
    }

    public int service(String name) {
        Integer port = services.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + name + "; known: " + services.keySet());
        }
        return port;
    }

    /** Holds every socket open until all are bound, so the ports differ from each other. */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing was written to it; the port is released either way
                }
            }
        }
    }

    /** Whether something already listens on the loopback port (then starting a component there would fail late and obscurely). */
    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
