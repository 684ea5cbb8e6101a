package dev.storefn.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that holds much heap or CPU (an Argon2 computation, a large upload) runs a few at a time: the others wait
 * their turn, in order, for at most {@code wait}, and then are to be told to retry rather than queue without
 * end. At most {@code waiting} wait at once; beyond that a request is told to retry at once, so that a flood
 * ties up a few request threads and not every one (product reads starved while 300 sign-ins queued).
 */
public final class Turns {

    private final Semaphore turns;
    private final Duration wait;
    private final int mostWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    public Turns(int atOnce, Duration wait, int mostWaiting) {
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
        this.mostWaiting = mostWaiting;
    }

    /** Waits for a turn; false when none came within the wait, or too many wait already. A caller that got one calls {@link #done()}. */
    public boolean await() {
        if (turns.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > mostWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    public void done() {
        turns.release();
    }
}
