package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressGuardTests {

    @Test
    void privateLoopbackAndLinkLocalAddressesAreInternal() throws UnknownHostException {
        for (String ip : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1")) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(ip))).as(ip).isTrue();
        }
    }

    @Test
    void publicAddressesOfGovernmentSitesAreNot() throws UnknownHostException {
        for (String ip : List.of("61.150.65.235", "122.137.242.24", "2400:da00::6666")) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(ip))).as(ip).isFalse();
        }
    }

    @Test
    void onlyHttpToTheSourcesHostsIsAllowed() {
        AddressGuard guard = new AddressGuard(true);
        List<String> hosts = List.of("127.0.0.1");

        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"), hosts)).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check(URI.create("ftp://127.0.0.1/x"), hosts)).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.2/x"), hosts)).hasMessageContaining("not one of this source's hosts");
    }

    @Test
    void internalAddressIsRefusedAfterResolutionUnlessAllowed() throws RefusedUrlException {
        URI loopback = URI.create("http://localhost:8080/nb.html");

        assertThatThrownBy(() -> new AddressGuard(false).check(loopback, List.of("localhost")))
                .isInstanceOf(RefusedUrlException.class).hasMessageContaining("internal address");
        new AddressGuard(true).check(loopback, List.of("localhost"));
    }
}
