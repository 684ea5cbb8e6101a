package dev.storefn.platform.dispatch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.storefn.platform.BoundedMemo;
import dev.storefn.platform.Misconfiguration;

/**
 * Finds the real client address: the right-most {@code X-Forwarded-For} entry that is not one of the
 * trusted proxies, believed only when the request came from a trusted proxy (the local nginx).
 */
@Component
class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Network> trusted = new ArrayList<>();
    /**
     * Whether a peer is trusted, by its address as the server gave it: a request comes from one of a few peers
     * (the local nginx), and parsing the address each time showed in profiles. Bounded, for direct callers.
     */
    private final BoundedMemo<String, Boolean> trustedPeers = new BoundedMemo<>(1024);

    ClientAddresses(@Value("${TRUSTED_PROXIES:127.0.0.1,::1}") String trustedProxies) {
        for (String entry : StringUtils.tokenizeToStringArray(trustedProxies, ",")) {
            trusted.add(Network.parse(entry));
        }
    }

    String resolve(String peerAddress, List<String> forwardedFor) {
        if (peerAddress == null || forwardedFor == null || !isTrustedPeer(peerAddress)) {
            return peerAddress;
        }
        List<String> hops = forwardedFor.stream().flatMap(header -> Arrays.stream(StringUtils.tokenizeToStringArray(header, ","))).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isTrusted(hop)) {
                return toLiteral(hop) == null ? peerAddress : hop;
            }
        }
        return hops.isEmpty() ? peerAddress : hops.get(0);
    }

    /** Whether the request came straight from a trusted proxy (the local nginx). */
    boolean isTrustedPeer(String peerAddress) {
        if (peerAddress == null) {
            return false;
        }
        Boolean known = trustedPeers.get(peerAddress);
        if (known != null) {
            return known;
        }
        boolean trust = isTrusted(peerAddress);
        trustedPeers.put(peerAddress, trust);
        return trust;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = toLiteral(address);
        return bytes != null && trusted.stream().anyMatch(network -> network.contains(bytes));
    }

    /**
     * The network limits count a client by: an IPv4 address as it is, an IPv6 address's /64 (a subscriber holds a
     * whole /64 and may use any address in it), anything else (no address at all) as it is.
     */
    static String networkOf(String client) {
        byte[] bytes = client == null ? null : toLiteral(client);
        if (bytes == null) {
            return String.valueOf(client);
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        }
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString((bytes[i] & 0xFF) << 8 | (bytes[i + 1] & 0xFF))).append(':');
        }
        return network.append(":/64").toString();
    }

    /** The address bytes of an IP literal; null for anything else, so no name is ever looked up. */
    static byte[] toLiteral(String address) {
        String candidate = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!IP_LITERAL.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Network(byte[] address, int prefixBits) {

        static Network parse(String text) {
            int slash = text.indexOf('/');
            byte[] bytes = toLiteral(slash < 0 ? text : text.substring(0, slash));
            if (bytes == null) {
                throw new Misconfiguration("TRUSTED_PROXIES holds " + text + ", which is not an IP address or network: list addresses or CIDR networks, comma-separated");
            }
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Network(bytes, bits);
        }

        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
