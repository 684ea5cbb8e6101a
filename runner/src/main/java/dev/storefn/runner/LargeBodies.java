package dev.storefn.runner;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.storefn.platform.wire.WireResponse;

/**
 * Requests with a large body (an image upload of up to 10 MB) take their turn, {@link #AT_ONCE} at a time.
 * Such a request holds its body several times over while it is handled (the body, the multipart part, the
 * image's copy, its decoded pixels: about 30 MB for 10 MB), and the unit's heap is 96 MB; six parallel 8 MB
 * uploads ran it out and {@code -XX:+ExitOnOutOfMemoryError} stopped the shop. The others wait their turn
 * for up to {@link #WAIT}, then are told to retry. Lambda needs no such turn: an instance handles one
 * request at a time.
 */
class LargeBodies {

    /** Bodies above this many bytes take a turn; smaller ones (JSON, forms) never wait. */
    static final long LARGE = 1024 * 1024;
    static final int AT_ONCE = 1;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final WireResponse BUSY = WireResponse.json(503, "{\"detail\":\"Too many large uploads at once; retry shortly.\"}")
            .withHeader("Retry-After", "5");

    private final Semaphore turns;
    private final Duration wait;

    LargeBodies() {
        this(AT_ONCE, WAIT);
    }

    LargeBodies(int atOnce, Duration wait) {
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    /** Whether a body of {@code contentLength} bytes (-1: not given) takes a turn; a chunked body of unknown size does. */
    static boolean isLarge(long contentLength, boolean chunked) {
        return contentLength > LARGE || (contentLength < 0 && chunked);
    }

    /** Waits for a turn; false when none came within the wait. A caller that got one calls {@link #done()}. */
    boolean awaitTurn() {
        try {
            return turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void done() {
        turns.release();
    }
}
