package dev.storefn.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). Hashes in Django's
 * {@code pbkdf2_sha256$iterations$salt$hash} format, carried over from the original store, are verified
 * and reported as needing an upgrade, so they are re-hashed on the next successful sign-in.
 */
@Component
class PasswordHasher {

    private static final String DJANGO_PREFIX = "pbkdf2_sha256$";

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    // Compared against when the account does not exist, so that answer takes as long as a wrong password.
    private final String decoy = argon2.encode("storefn-decoy-password");

    String hash(String password) {
        return argon2.encode(password);
    }

    boolean matches(String password, String stored) {
        if (stored == null || stored.isEmpty()) {
            spendTimeOnDecoy(password);
            return false;
        }
        if (stored.startsWith(DJANGO_PREFIX)) {
            return matchesDjango(password, stored);
        }
        return stored.startsWith("$argon2") && argon2.matches(password, stored);
    }

    void spendTimeOnDecoy(String password) {
        argon2.matches(password, decoy);
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
