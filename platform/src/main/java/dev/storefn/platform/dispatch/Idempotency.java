package dev.storefn.platform.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * {@code Idempotency-Key} on the routes that declare it: the key is claimed in a transaction of its own before
 * the operation runs, the first successful answer is kept after it, and retries of the same request by the same
 * user get that answer again. A retry while the first is still running is told to retry shortly; a failed first
 * attempt lets its key go, so a retry runs afresh, and a claim whose attempt died is taken over after five
 * minutes. The same key with another request is refused. Whatever the operation's own transactions, its answer
 * is kept only after they committed.
 */
@Component
class Idempotency {

    static final String HEADER = "idempotency-key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Idempotency(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The answer {@code first} makes, or the one already kept for this key; without a key, {@code first}'s. */
    WireResponse answer(Caller caller, WireRequest request, Supplier<WireResponse> first) {
        String key = keyOf(request);
        if (key == null || !caller.authenticated()) {
            return first.get();
        }
        long user = caller.userId();
        Optional<WireResponse> replay = transaction.execute(status -> claim(user, key, request));
        if (replay.isPresent()) {
            return replay.get();
        }
        WireResponse answer;
        try {
            answer = first.get();
        } catch (RuntimeException failure) {
            transaction.executeWithoutResult(status -> release(user, key));
            throw failure;
        }
        transaction.executeWithoutResult(status -> keep(user, key, answer));
        return answer;
    }

    /** The key a request carries, checked; null when it carries none. */
    private static String keyOf(WireRequest request) {
        String key = request.header(HEADER);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Idempotency-Key must be 1 to 255 printable characters.");
        }
        return key;
    }

    /** Claims the key for this request, or answers what the first request with it was answered. */
    private Optional<WireResponse> claim(long userId, String key, WireRequest request) {
        String hash = hash(request);
        int claimed = jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (user_id, idempotency_key) DO NOTHING""").params(userId, key, hash).update();
        sweepNowAndThen();
        if (claimed == 1) {
            return Optional.empty();
        }
        record Kept(String hash, Integer status, String body) {
        }
        Kept kept = jdbc.sql("SELECT request_hash, response_status, response_body FROM idempotency_keys"
                + " WHERE user_id = ? AND idempotency_key = ?").params(userId, key)
                .query((rs, row) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3))).single();
        if (!kept.hash().equals(hash)) {
            throw Refusal.detail(Refusal.Kind.MISMATCH, "This Idempotency-Key was used with a different request.");
        }
        if (kept.status() == null) {
            if (takeOverAbandoned(userId, key)) {
                return Optional.empty();
            }
            throw Refusal.detail(Refusal.Kind.CONFLICT, "A request with this Idempotency-Key is still in progress; retry shortly.")
                    .retryAfter(1);
        }
        return Optional.of(WireResponse.json(kept.status(), kept.body()).withHeader("Idempotent-Replayed", "true"));
    }

    private boolean takeOverAbandoned(long userId, String key) {
        return jdbc.sql("UPDATE idempotency_keys SET created_at = now() WHERE user_id = ? AND idempotency_key = ?"
                + " AND response_status IS NULL AND created_at < now() - interval '5 minutes'").params(userId, key).update() == 1;
    }

    /** Lets a key go whose first attempt failed, so that a retry runs afresh. */
    private void release(long userId, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ? AND response_status IS NULL")
                .params(userId, key).update();
    }

    private void keep(long userId, String key, WireResponse response) {
        jdbc.sql("UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE user_id = ? AND idempotency_key = ?")
                .params(response.status(), new String(response.body(), StandardCharsets.UTF_8), userId, key).update();
    }

    private static String hash(WireRequest request) {
        MessageDigest digest = DigestUtils.updateDigest(DigestUtils.getSha256Digest(), request.method() + " " + request.path() + "\n");
        return Hex.encodeHexString(digest.digest(request.body()));
    }

    // Retries come within minutes; a day's keys are plenty, and whoever passes by tidies up.
    private void sweepNowAndThen() {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'").update();
        }
    }
}
