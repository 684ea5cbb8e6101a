package dev.storefn.platform.operation;

/**
 * The network a request comes from, as limits count callers: an IPv4 address, or the /64 an IPv6 address is
 * in (one subscriber holds a whole /64, so counting its addresses one by one would count nobody). Bound into
 * an input like the caller.
 */
public record ClientNetwork(String value) {
}
