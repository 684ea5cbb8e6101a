package dev.storefn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void whileOneHoldsTheOnlyTurnTheNextWaitsAndIsRefusedAndAfterDoneItGetsIt() {
        Turns turns = new Turns(1, Duration.ofMillis(200), 8);
        assertThat(turns.await()).isTrue();
        long started = System.nanoTime();
        assertThat(turns.await()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        turns.done();
        assertThat(turns.await()).isTrue();
    }

    @Test
    void anInterruptedWaitIsARefusalThatKeepsTheInterrupt() {
        Turns turns = new Turns(1, Duration.ofSeconds(10), 8);
        assertThat(turns.await()).isTrue();
        Thread.currentThread().interrupt();
        assertThat(turns.await()).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void beyondTheWaitingBoundARequestIsRefusedAtOnceInsteadOfHoldingAThread() throws Exception {
        Turns turns = new Turns(1, Duration.ofSeconds(10), 2);
        assertThat(turns.await()).isTrue();
        java.util.concurrent.ExecutorService waiters = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Boolean> first = waiters.submit(turns::await);
            java.util.concurrent.Future<Boolean> second = waiters.submit(turns::await);
            Thread.sleep(200);
            long started = System.nanoTime();
            assertThat(turns.await()).as("a third waiter").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            turns.done();
            turns.done();
            assertThat(first.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("those waiting get their turns").isTrue();
            assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            waiters.shutdownNow();
        }
    }
}
