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

    @Test
    void eachPeerKeepsItsOwnVerdictHoweverOftenAndHoweverManyPeersCome() {
        for (int i = 0; i < 3; i++) {
            assertThat(addresses.resolve("10.9.9.9", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
            assertThat(addresses.resolve("198.51.100.8", List.of("1.2.3.4"))).isEqualTo("198.51.100.8");
        }
        // More peers than are remembered: the verdicts stay right as the memory starts over.
        for (int i = 0; i < 3000; i++) {
            String peer = "203.0." + (i / 256) + "." + (i % 256);
            assertThat(addresses.resolve(peer, List.of("1.2.3.4"))).isEqualTo(peer);
        }
        assertThat(addresses.resolve("10.9.9.9", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("[::1]", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(addresses.resolve("not-an-address", List.of("1.2.3.4"))).isEqualTo("not-an-address");
    }
}
