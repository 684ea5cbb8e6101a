package dev.storefn.platform.media;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

/** The directory of locally stored media: {@code MEDIA_ROOT}, else {@code STOREFN_DATA_DIR/media} (default {@code ./data/media}). */
public final class MediaRoot {

    private MediaRoot() {
    }

    public static Path of(Environment environment) {
        String configured = environment.getProperty("MEDIA_ROOT");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(environment.getProperty("STOREFN_DATA_DIR", "data")).toAbsolutePath().normalize().resolve("media");
    }
}
