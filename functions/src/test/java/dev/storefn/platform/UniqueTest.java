package dev.storefn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A SnapStart snapshot, as far as one JVM can simulate it: a generator's state is frozen once (serialised)
 * and each "restore" starts from a copy of it. Copies of a deterministic generator then repeat each other's
 * ids; the re-seed a restore does makes them part.
 */
class UniqueTest {

    private static byte[] freeze(SecureRandom generator) throws IOException {
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(image)) {
            out.writeObject(generator);
        }
        return image.toByteArray();
    }

    private static SecureRandom restore(byte[] image) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(image))) {
            return (SecureRandom) in.readObject();
        }
    }

    private static String next(SecureRandom generator) {
        byte[] bytes = new byte[16];
        generator.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A generator whose whole state is in its memory, as a DRBG's or SHA1PRNG's is, primed before the snapshot. */
    private static SecureRandom primedDeterministicGenerator() throws Exception {
        SecureRandom generator = SecureRandom.getInstance("SHA1PRNG");
        generator.setSeed("the state at the checkpoint".getBytes(StandardCharsets.UTF_8));
        next(generator);
        return generator;
    }

    @Test
    void copiesOfOneSnapshotRepeatEachOthersIdsUntilARestoreReseedsThem() throws Exception {
        byte[] snapshot = freeze(primedDeterministicGenerator());
        assertThat(next(restore(snapshot))).as("the simulation is faithful: two restores, one sequence")
                .isEqualTo(next(restore(snapshot)));

        SecureRandom first = restore(snapshot);
        SecureRandom second = restore(snapshot);
        Unique.reseed(first);
        Unique.reseed(second);
        assertThat(next(first)).isNotEqualTo(next(second));
    }

    @Test
    void theShopsGeneratorGivesTwoRestoresOfOneSnapshotDifferentIds() throws Exception {
        byte[] snapshot = freeze(Unique.generator());
        Set<String> ids = new HashSet<>();
        for (int restore = 0; restore < 2; restore++) {
            SecureRandom restored = restore(snapshot);
            Unique.reseed(restored);
            for (int i = 0; i < 100; i++) {
                ids.add(next(restored));
            }
        }
        assertThat(ids).hasSize(200);
    }
}
