package dev.storefn.platform.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Refusal;

/**
 * Fixed-window counters kept in PostgreSQL, so every process and every Lambda instance counts together.
 * A hit that goes over the limit is refused, saying when to retry.
 */
@Component
public class RateLimiter {

    private final JdbcClient jdbc;

    public RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one hit on {@code bucket}; refuses when that makes more than {@code limit} in the current window. */
    public void hit(String bucket, int limit, Duration window) {
        if (count(bucket, window) > limit) {
            long retryAfter = secondsLeft(window);
            throw Refusal.detail(Refusal.Kind.TOO_MANY_REQUESTS, "Request was throttled. Expected available in " + retryAfter + " seconds.")
                    .retryAfter(retryAfter);
        }
    }

    /** Counts one hit on {@code bucket} and answers how many the current window now holds. */
    public int count(String bucket, Duration window) {
        Instant start = windowStart(window);
        Integer hits = jdbc.sql("""
                INSERT INTO rate_limit_counters (bucket, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
                RETURNING hits""")
                .params(bucket, Timestamp.from(start), Timestamp.from(start.plus(window)))
                .query(Integer.class).single();
        sweepNowAndThen();
        return hits;
    }

    /** Takes back one hit counted in the current window (an attempt that turned out not to count). */
    public void giveBack(String bucket, Duration window) {
        jdbc.sql("UPDATE rate_limit_counters SET hits = hits - 1 WHERE bucket = ? AND window_start = ? AND hits > 0")
                .params(bucket, Timestamp.from(windowStart(window))).update();
    }

    private static Instant windowStart(Duration window) {
        long seconds = window.toSeconds();
        long now = Instant.now().getEpochSecond();
        return Instant.ofEpochSecond(now - now % seconds);
    }

    /** A refusal in these words, to be retried when the current window of {@code window} ends. */
    public Refusal tooMany(Duration window, String message) {
        return Refusal.detail(Refusal.Kind.TOO_MANY_REQUESTS, message).retryAfter(secondsLeft(window));
    }

    private static long secondsLeft(Duration window) {
        return Math.max(1, windowStart(window).plus(window).getEpochSecond() - Instant.now().getEpochSecond());
    }

    // Expired windows are deleted by whoever passes by, so no scheduler is needed on Lambda.
    private void sweepNowAndThen() {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM rate_limit_counters WHERE expires_at < now()").update();
        }
    }
}
