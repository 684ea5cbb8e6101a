package dev.storefn.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.operation.AnswerVersion;

/** When a request asks the database for a version, and when it takes the last poll's read instead. */
class AnswerVersionsTest {

    /** The database's version, moved by the test, counting how often it is asked. */
    private static final class AskedVersion implements AnswerVersion {
        final AtomicLong version = new AtomicLong();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public long current() {
            asked.incrementAndGet();
            return version.get();
        }
    }

    private final AskedVersion catalog = new AskedVersion();
    private final AnswerVersions versions = new AnswerVersions();

    @Test
    void withoutPollsEveryRequestAsks() {
        versions.current(catalog);
        versions.current(catalog);
        assertThat(catalog.asked).hasValue(2);
        catalog.version.set(7);
        assertThat(versions.current(catalog)).isEqualTo(7);
    }

    @Test
    void whilePolledARequestTakesThePollsReadUntilSomethingCommitsHere() {
        versions.poll(Duration.ofMinutes(1));
        versions.current(catalog);
        versions.poll(Duration.ofMinutes(1));
        assertThat(catalog.asked).as("a poll reads what requests have asked for since polls began").hasValue(2);

        catalog.version.set(1); // committed by another process
        assertThat(versions.current(catalog)).isZero();
        assertThat(versions.current(catalog)).isZero();
        assertThat(catalog.asked).as("requests asked nothing").hasValue(2);

        versions.afterCommit(null, null); // a transaction of this process
        assertThat(versions.current(catalog)).isEqualTo(1);
        assertThat(catalog.asked).hasValue(3);
        assertThat(versions.current(catalog)).isEqualTo(1);
        assertThat(catalog.asked).hasValue(3);

        catalog.version.set(2);
        versions.poll(Duration.ofMinutes(1));
        assertThat(versions.current(catalog)).as("the next poll brings another process's change").isEqualTo(2);
    }

    @Test
    void whenThePollsStopTheReadsAgeOutAfterThreePolls() throws InterruptedException {
        versions.poll(Duration.ofMillis(10));
        versions.current(catalog);
        versions.poll(Duration.ofMillis(10));
        catalog.version.set(1);
        Thread.sleep(60);
        assertThat(versions.current(catalog)).isEqualTo(1);
        assertThat(catalog.asked).hasValue(3);
    }

    @Test
    void afterPollingStopsEveryRequestAsksAgain() {
        versions.poll(Duration.ofMinutes(1));
        versions.current(catalog);
        versions.stopPolling();
        catalog.version.set(1);
        assertThat(versions.current(catalog)).isEqualTo(1);
    }
}
