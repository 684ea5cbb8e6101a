package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses("127.0.0.1,::1,10.0.0.0/8");

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        assertThat(addresses.resolve("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void theRightMostUntrustedEntryIsTheClient() {
        assertThat(addresses.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("::1", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void garbageInForwardedForFallsBackToThePeer() {
        assertThat(addresses.resolve("127.0.0.1", List.of("evil.example.com"))).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void onlyProxiesInTheChainMeansTheLeftMostOne() {
        assertThat(addresses.resolve("127.0.0.1", List.of("10.0.0.5, 127.0.0.1"))).isEqualTo("10.0.0.5");
    }
}
