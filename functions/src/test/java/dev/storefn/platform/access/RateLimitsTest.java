package dev.storefn.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dev.storefn.platform.Misconfiguration;

/** The limits in force: the table's, a setting's instead, or none on a developer's own machine. */
class RateLimitsTest {

    private static final RateLimit LOGIN = new RateLimit("login", 5, Duration.ofMinutes(15));
    private static final RateLimit GOOGLE = new RateLimit("googleSignIn", 5, Duration.ofMinutes(15));

    @Test
    void aSettingReplacesTheTablesLimitAndTheRestStand() {
        RateLimits limits = new RateLimits(new MockEnvironment().withProperty("RATE_LIMIT_LOGIN", "20/1h")
                .withProperty("RATE_LIMIT_GOOGLE_SIGN_IN", "7/30s"));
        assertThat(limits.inForce(LOGIN)).contains(new RateLimit("login", 20, Duration.ofHours(1)));
        assertThat(limits.inForce(GOOGLE)).contains(new RateLimit("googleSignIn", 7, Duration.ofSeconds(30)));
        assertThat(limits.inForce(new RateLimit("register", 3, Duration.ofHours(1)))).contains(new RateLimit("register", 3, Duration.ofHours(1)));
    }

    @Test
    void aSettingThatDoesNotReadAsALimitIsOneLineSayingHowItReads() {
        RateLimits limits = new RateLimits(new MockEnvironment().withProperty("RATE_LIMIT_LOGIN", "lots"));
        assertThatThrownBy(() -> limits.inForce(LOGIN)).isInstanceOf(Misconfiguration.class)
                .hasMessage("RATE_LIMIT_LOGIN reads COUNT/WINDOW, such as 5/15m (s, m, h or d), not lots");
    }

    @Test
    void offSwitchesEveryLimitOffOnlyAgainstADatabaseOnThisMachine() {
        assertThat(new RateLimits(new MockEnvironment().withProperty("RATE_LIMITS", "off")).inForce(LOGIN)).isEmpty();
        assertThat(new RateLimits(new MockEnvironment().withProperty("RATE_LIMITS", "off")
                .withProperty("DATABASE_URL", "postgresql://shop@127.0.0.1:5432/shop")).inForce(LOGIN)).isEmpty();
        assertThatThrownBy(() -> new RateLimits(new MockEnvironment().withProperty("RATE_LIMITS", "off")
                .withProperty("DATABASE_URL", "postgresql://shop@db.example.com/shop"))).isInstanceOf(Misconfiguration.class)
                .hasMessageStartingWith("RATE_LIMITS=off is for trying storefn on your own machine, and DATABASE_URL points elsewhere");
        assertThatThrownBy(() -> new RateLimits(new MockEnvironment().withProperty("RATE_LIMITS", "maybe")))
                .hasMessage("RATE_LIMITS is on or off, not maybe");
    }
}
