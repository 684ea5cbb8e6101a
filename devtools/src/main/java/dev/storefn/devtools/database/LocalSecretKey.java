package dev.storefn.devtools.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.util.StringUtils;

/**
 * On the embedded default (no {@code DATABASE_URL}) and without {@code SECRET_KEY}, generates a random
 * signing key once and keeps it in the data directory, so tokens survive restarts. With a database of
 * its own, a deployment must set {@code SECRET_KEY} itself.
 */
class LocalSecretKey implements EnvironmentPostProcessor {

    private static final String FILE = "secret_key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("SECRET_KEY")) || StringUtils.hasText(environment.getProperty("DATABASE_URL"))) {
            return;
        }
        environment.getPropertySources().addLast(new KeyFile(environment));
    }

    /**
     * Reads or creates the key on first use rather than now: a data directory configured after the
     * post-processors ran (a test's {@code @DynamicPropertySource}) is then the one that holds it.
     */
    private static final class KeyFile extends EnumerablePropertySource<String> {

        // Not the source: Spring Boot would descend into an environment given as one, and find this again.
        private final ConfigurableEnvironment environment;
        private String key;

        KeyFile(ConfigurableEnvironment environment) {
            super("storefnLocalSecretKey", FILE);
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return new String[] {"SECRET_KEY"};
        }

        @Override
        public synchronized Object getProperty(String name) {
            if (!"SECRET_KEY".equals(name)) {
                return null;
            }
            if (key == null) {
                key = readOrCreate(DataDirectory.root(environment).resolve(FILE));
            }
            return key;
        }
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[48];
                new SecureRandom().nextBytes(key);
                Path written = Files.createTempFile(file.getParent(), FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(written, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.move(written, file);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    Files.delete(written);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the signing key " + file, e);
        }
    }
}
