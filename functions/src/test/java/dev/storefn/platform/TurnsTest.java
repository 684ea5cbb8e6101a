package dev.storefn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void whileOneHoldsTheOnlyTurnTheNextWaitsAndIsRefusedAndAfterDoneItGetsIt() {
        Turns turns = new Turns(1, Duration.ofMillis(200));
        assertThat(turns.await()).isTrue();
        long started = System.nanoTime();
        assertThat(turns.await()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        turns.done();
        assertThat(turns.await()).isTrue();
    }

    @Test
    void anInterruptedWaitIsARefusalThatKeepsTheInterrupt() {
        Turns turns = new Turns(1, Duration.ofSeconds(10));
        assertThat(turns.await()).isTrue();
        Thread.currentThread().interrupt();
        assertThat(turns.await()).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }
}
