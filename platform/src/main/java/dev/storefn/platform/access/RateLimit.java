package dev.storefn.platform.access;

import java.time.Duration;

/** A fixed-window request limit per client address, attached to a route in the table. */
public record RateLimit(String bucket, int limit, Duration window) {

    public RateLimit {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and window");
        }
    }
}
