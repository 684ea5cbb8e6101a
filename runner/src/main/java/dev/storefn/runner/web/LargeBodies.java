package dev.storefn.runner.web;

import java.time.Duration;

import dev.storefn.platform.Turns;
import dev.storefn.platform.operation.Refusal;

/**
 * Requests with a large body (an image upload of up to 10 MB) take their turn, {@link #AT_ONCE} at a time.
 * Such a request holds its body about four times over while it is handled (the body, the multipart part, the
 * image's copy, its decoded pixels), and the unit's heap is 96 MB; six parallel 8 MB uploads ran it out (and
 * a 128 MB one) and {@code -XX:+ExitOnOutOfMemoryError} stopped the shop. The others wait their turn
 * for up to {@link #WAIT}, then are told to retry. Lambda needs no such turn: an instance handles one
 * request at a time.
 */
public final class LargeBodies {

    /** Bodies above this many bytes take a turn; smaller ones (JSON, forms) never wait. */
    static final long LARGE = 1024 * 1024;
    static final int AT_ONCE = 1;
    /** How many may wait for a turn; more are told to retry at once rather than hold a request thread. */
    static final int WAITING = 4;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Refusal BUSY = Refusal.detail(Refusal.Kind.UNAVAILABLE, "Too many large uploads at once; retry shortly.")
            .retryAfter(5);

    private LargeBodies() {
    }

    /** Whether a body of {@code contentLength} bytes (-1: not given) takes a turn; a chunked body of unknown size does. */
    static boolean isLarge(long contentLength, boolean chunked) {
        return contentLength > LARGE || (contentLength < 0 && chunked);
    }

    static Turns turns() {
        return new Turns(AT_ONCE, WAIT, WAITING);
    }
}
