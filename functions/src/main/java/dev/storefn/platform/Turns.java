package dev.storefn.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Work that holds much heap (an Argon2 computation, a large upload) runs a few at a time: the others wait their
 * turn, in order, for at most {@code wait}, and then are to be told to retry rather than queue without end.
 */
public final class Turns {

    private final Semaphore turns;
    private final Duration wait;

    public Turns(int atOnce, Duration wait) {
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    /** Waits for a turn; false when none came within the wait. A caller that got one calls {@link #done()}. */
    public boolean await() {
        try {
            return turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void done() {
        turns.release();
    }
}
