package dev.storefn.devtools.database;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

import dev.storefn.platform.media.MediaRoot;

/** Where the runner keeps its state on disk: {@code STOREFN_DATA_DIR} (default {@code ./data}). */
public final class DataDirectory {

    private DataDirectory() {
    }

    static Path root(Environment environment) {
        return Path.of(environment.getProperty("STOREFN_DATA_DIR", "data")).toAbsolutePath().normalize();
    }

    static Path postgres(Environment environment) {
        return root(environment).resolve("postgres");
    }

    /** Product images stored on local disk, served under {@code /media/}: where the media store keeps them. */
    public static Path media(Environment environment) {
        return MediaRoot.of(environment);
    }
}
