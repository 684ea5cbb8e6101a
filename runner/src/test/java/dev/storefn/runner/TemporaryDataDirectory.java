package dev.storefn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory for a test's storefn, removed when the test JVM exits. Spring keeps the test contexts, and
 * with them their embedded PostgreSQL, until then; without this each run left about 45 MB per context in the
 * temporary directory.
 */
final class TemporaryDataDirectory {

    private TemporaryDataDirectory() {
    }

    static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(directory), "remove " + directory.getFileName()));
        return directory;
    }

    /** After the contexts' own shutdown has stopped its PostgreSQL (hooks run side by side), or stops it itself. */
    private static void remove(Path directory) {
        try {
            for (int waited = 0; Files.exists(StorefnProcess.postmasterPid(directory)) && waited < 200; waited++) {
                Thread.sleep(100);
            }
            StorefnProcess.removeDataDirectory(directory);
        } catch (Exception e) {
            System.err.println("could not remove " + directory + ": " + e);
        }
    }
}
