package dev.storefn.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.storefn.platform.Turns;
import dev.storefn.platform.operation.Refusal;

/**
 * Argon2id with the least memory of OWASP's equally strong parameter sets: 7 MiB, 5 iterations, 1 lane, which
 * OWASP rates as strong as 19 MiB with 2 (CPU traded for RAM). On a 1 GB box the heap is the scarce part: a
 * 19 MiB computation outgrew the young generation, was promoted, and sign-ins grew the old generation. Hashes
 * with other parameters (the earlier 19 MiB ones) and Django's {@code pbkdf2_sha256$iterations$salt$hash},
 * carried over from the original store, are verified and reported as needing an upgrade, so they are
 * re-hashed on the next successful sign-in.
 *
 * <p>Each Argon2 computation holds 7 MiB of heap, so at most {@link #AT_ONCE} run at a time (the CPU would
 * not run more any faster); at most {@link #WAITING} others wait their turn, and after {@link #WAIT} are told to
 * retry; beyond those, a sign-in is told to retry at once. Without the bound, a burst of sign-ins from many
 * addresses runs the JVM out of heap and takes the shop down; without the bound on waiting, it holds every
 * request thread and product reads wait behind it. Django's PBKDF2 hashes (CPU alone) take the same turns.
 */
@Component
class PasswordHasher {

    private static final String DJANGO_PREFIX = "pbkdf2_sha256$";

    static final int AT_ONCE = 2;
    static final int WAITING = 8;
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String BUSY = "Too many sign-ins at once; retry shortly.";

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5);
    private final Turns turns;

    PasswordHasher() {
        this(AT_ONCE, WAIT, WAITING);
    }

    PasswordHasher(int atOnce, Duration wait, int waiting) {
        this.turns = new Turns(atOnce, wait, waiting);
    }
    // Compared against when the account does not exist, so that answer takes as long as a wrong password.
    // A fixed hash (of "storefn-decoy-password", with the parameters above) rather than one made at start-up,
    // which cost a tenth of the start; PasswordHasherTest keeps the two in step.
    static final String DECOY = "$argon2id$v=19$m=7168,t=5,p=1$o41kdrx42xjhnqXHqkH4ag$CI1bVJ3Xvq036zVrRL6QBShJKb62z53l5WMxVRIKnxA";

    String hash(String password) {
        return inTurn(() -> argon2.encode(password));
    }

    boolean matches(String password, String stored) {
        if (stored == null || stored.isEmpty()) {
            spendTimeOnDecoy(password);
            return false;
        }
        if (stored.startsWith(DJANGO_PREFIX)) {
            return inTurn(() -> matchesDjango(password, stored));
        }
        return stored.startsWith("$argon2") && inTurn(() -> argon2.matches(password, stored));
    }

    void spendTimeOnDecoy(String password) {
        inTurn(() -> argon2.matches(password, DECOY));
    }

    <T> T inTurn(Supplier<T> work) {
        if (!turns.await()) {
            throw Refusal.detail(Refusal.Kind.UNAVAILABLE, BUSY).retryAfter(2);
        }
        try {
            return work.get();
        } finally {
            turns.done();
        }
    }

    boolean needsUpgrade(String stored) {
        return !stored.startsWith("$argon2id$") || argon2.upgradeEncoding(stored);
    }

    private static boolean matchesDjango(String password, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8), iterations,
                    expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            return false;
        }
    }
}
