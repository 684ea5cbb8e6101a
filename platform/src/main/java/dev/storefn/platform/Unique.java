package dev.storefn.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Every id that must never repeat (request ids, session ids, token ids) comes from here: one generator that
 * a SnapStart restore re-seeds, so instances restored from one snapshot do not hand out the same ids.
 */
public final class Unique {

    private static final SecureRandom GENERATOR = new SecureRandom();

    private Unique() {
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        GENERATOR.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    static SecureRandom generator() {
        return GENERATOR;
    }

    /** After a restore: mixes fresh entropy from the operating system into the generator. */
    public static void reseed() {
        reseed(GENERATOR);
    }

    /**
     * Mixes fresh entropy into {@code generator}. Seeding a {@link SecureRandom} only ever adds to its state, so
     * a generator whose state was frozen into a snapshot (a deterministic DRBG or SHA1PRNG, say) diverges
     * from every other copy of that snapshot; the platform's default one reads the OS on every call anyway.
     */
    static void reseed(SecureRandom generator) {
        generator.setSeed(freshEntropy());
    }

    private static byte[] freshEntropy() {
        try {
            // Never blocks, and reads the OS afresh: after a restore that is the kernel's new state.
            return SecureRandom.getInstance("NativePRNGNonBlocking").generateSeed(32);
        } catch (NoSuchAlgorithmException notOnThisPlatform) {
            return new SecureRandom().generateSeed(32);
        }
    }
}
