package dev.storefn.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.Turns;
import dev.storefn.platform.operation.Refusal;

class LargeBodiesTest {

    @Test
    void bodiesOverAMegabyteAndChunkedOnesTakeATurnOthersDoNot() {
        assertThat(LargeBodies.isLarge(LargeBodies.LARGE + 1, false)).isTrue();
        assertThat(LargeBodies.isLarge(-1, true)).as("chunked, size unknown").isTrue();
        assertThat(LargeBodies.isLarge(LargeBodies.LARGE, false)).isFalse();
        assertThat(LargeBodies.isLarge(0, false)).isFalse();
        assertThat(LargeBodies.isLarge(-1, false)).as("no body").isFalse();
    }

    @Test
    void theTurnIsOneAtATimeAndTheRefusalTellsWhenToRetry() {
        Turns turns = LargeBodies.turns();
        assertThat(turns.await()).isTrue();
        turns.done();
        assertThat(LargeBodies.AT_ONCE).isEqualTo(1);
        assertThat(LargeBodies.BUSY.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
        assertThat(LargeBodies.BUSY.retryAfterSeconds()).isEqualTo(5);
    }
}
