package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class StackPortsTests {

    @Test
    void theDefaultsAreThoseOfTheRuntimeContract() {
        StackPorts ports = StackPorts.defaults();

        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.controller()).isEqualTo(9093);
        assertThat(ports.mongo()).isEqualTo(27017);
        assertThat(ServiceProcess.NAMES).extracting(ports::service).containsExactly(8081, 8082, 8083, 8084);
    }

    @Test
    void aStackStartedAgainTakesThePortsItsRunningPartRecordedAndItsOwnForTheRest() {
        Properties recorded = new Properties();
        recorded.setProperty("kafka.port", "19092");
        recorded.setProperty("kafka.controller-port", "19093");
        recorded.setProperty("store-service.port", "18084");

        StackPorts ports = StackPorts.defaults().recordedIn(recorded);

        assertThat(ports.kafka()).isEqualTo(19092);
        assertThat(ports.controller()).isEqualTo(19093);
        assertThat(ports.mongo()).isEqualTo(27017);
        assertThat(ServiceProcess.NAMES).extracting(ports::service).containsExactly(8081, 8082, 8083, 18084);
    }

    @Test
    void freePortsAreAllDifferentAndUnused() {
        StackPorts ports = StackPorts.free();

        List<Integer> all = new ArrayList<>(List.of(ports.kafka(), ports.controller(), ports.mongo()));
        all.addAll(ports.services().values());
        assertThat(all).hasSize(7).doesNotHaveDuplicates().allSatisfy(port -> assertThat(StackPorts.inUse(port)).isFalse());
    }

    @Test
    void aPortSomethingListensOnIsInUse() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(StackPorts.inUse(socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void anUnknownServiceHasNoPort() {
        assertThatThrownBy(() -> StackPorts.defaults().service("billing-service")).hasMessageContaining("billing-service");
    }
}
