package dev.storefn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real, embedded PostgreSQL per test JVM. Every Spring context a test starts (including the fresh
 * ones {@code FunctionInvoker} boots) finds it through {@code DATABASE_URL}, and a temporary media root
 * through {@code MEDIA_ROOT}.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("DATABASE_URL", url());
            // Tests sign with a fixed key; production refuses to start without SECRET_KEY.
            System.setProperty("SECRET_KEY", "storefn-test-secret-key-0123456789abcdef");
            // Uploaded images land in a directory of the test's own, never in functions/data.
            try {
                System.setProperty("MEDIA_ROOT", Files.createTempDirectory("storefn-test-media").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url();
    }

    private static String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
