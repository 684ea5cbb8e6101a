package dev.storefn.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.operation.Refusal;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theDecoyIsAHashOfTheDecoyPasswordWithTheParametersRealHashesHave() {
        // Same parameters, so a sign-in for an unknown account costs what a wrong password costs.
        String real = hasher.hash("any password at all");
        assertThat(parameters(PasswordHasher.DECOY)).isEqualTo(parameters(real)).isEqualTo("$argon2id$v=19$m=7168,t=5,p=1");
        assertThat(hasher.needsUpgrade(PasswordHasher.DECOY)).isFalse();
        assertThat(hasher.matches("storefn-decoy-password", PasswordHasher.DECOY)).isTrue();
        assertThat(hasher.matches("any password at all", real)).isTrue();
        assertThat(hasher.matches("another", real)).isFalse();
    }

    /** An encoded hash less its salt and digest, the last two fields. */
    private static String parameters(String hash) {
        return hash.substring(0, hash.lastIndexOf('$', hash.lastIndexOf('$') - 1));
    }

    @Test
    void argon2RunsAFewAtATimeAndAWaitTooLongIsToldToRetry() throws Exception {
        PasswordHasher oneAtATime = new PasswordHasher(1, Duration.ofMillis(200), 8);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> oneAtATime.inTurn(() -> {
            holding.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        busy.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> oneAtATime.matches("a password", PasswordHasher.DECOY)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        release.countDown();
        busy.join();
        assertThat(oneAtATime.matches("storefn-decoy-password", PasswordHasher.DECOY)).as("its turn came").isTrue();
    }
}
