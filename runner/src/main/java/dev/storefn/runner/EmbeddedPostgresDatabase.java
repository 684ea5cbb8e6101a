package dev.storefn.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.storefn.platform.DatabaseUrl;
import dev.storefn.platform.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL whose data lives in {@code STOREFN_DATA_DIR/postgres} and
 * survives restarts. Started only when {@code DATABASE_URL} is not set.
 */
@Component
@Conditional(WithoutDatabaseUrl.class)
class EmbeddedPostgresDatabase implements LocalDatabase, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresDatabase(Environment environment) {
        Path directory = DataDirectory.postgres(environment);
        try {
            Files.createDirectories(directory.getParent());
            log.info("Starting the embedded PostgreSQL in {} (set DATABASE_URL to use your own)", directory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops it after the connection pool has closed; a hook of its own could stop it under live requests.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + " (is another storefn using it? then run this one with its own STOREFN_DATA_DIR)", e);
        }
    }

    @Override
    public DatabaseUrl url() {
        return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres") + "&prepareThreshold=0", "postgres", null);
    }

    @Override
    public void destroy() throws IOException {
        postgres.close();
    }
}
