package dev.storefn.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.Turns;
import dev.storefn.platform.operation.Refusal;

class LargeBodiesTest {

    @Test
    void bodiesOverAMegabyteAndChunkedOnesTakeATurnOthersDoNot() {
        assertThat(WebAdapter.isLarge(WebAdapter.LARGE + 1, false)).isTrue();
        assertThat(WebAdapter.isLarge(-1, true)).as("chunked, size unknown").isTrue();
        assertThat(WebAdapter.isLarge(WebAdapter.LARGE, false)).isFalse();
        assertThat(WebAdapter.isLarge(0, false)).isFalse();
        assertThat(WebAdapter.isLarge(-1, false)).as("no body").isFalse();
    }

    @Test
    void theTurnIsOneAtATimeAndTheRefusalTellsWhenToRetry() {
        Turns turns = new WebAdapter(null).largeBodies;
        assertThat(turns.await()).isTrue();
        turns.done();
        assertThat(WebAdapter.BUSY.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
        assertThat(WebAdapter.BUSY.retryAfterSeconds()).isEqualTo(5);
    }
}
