package dev.storefn.devtools.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.storefn.platform.database.DatabaseUrl;
import dev.storefn.platform.database.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL whose data lives in {@code STOREFN_DATA_DIR/postgres} and
 * survives restarts. Started only when {@code DATABASE_URL} is not set.
 */
@Component
@Conditional(WithoutDatabaseUrl.class)
public class EmbeddedPostgresDatabase implements LocalDatabase, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);

    /** Set by commands that run beside a serving storefn: they use its PostgreSQL instead of starting one. */
    public static final String ATTACH = "storefn.embedded.attach";

    /** How long a PostgreSQL left behind by a killed storefn may take to shut down. */
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Environment environment;
    private final EmbeddedPostgres postgres;
    private final DatabaseUrl url;

    EmbeddedPostgresDatabase(Environment environment) {
        this.environment = environment;
        Path directory = DataDirectory.postgres(environment);
        OptionalInt running = sharedPort(environment, directory);
        if (running.isPresent()) {
            log.info("Using the embedded PostgreSQL already running on {} (port {})", directory, running.getAsInt());
            postgres = null;
            url = local(running.getAsInt());
            return;
        }
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
            url = local(postgres.getPort());
            Files.writeString(owner(directory), ProcessHandle.current().pid() + " " + startOf(ProcessHandle.current()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + " (is another storefn using it? then run this one with its own STOREFN_DATA_DIR)", e);
        }
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void destroy() throws IOException {
        if (postgres != null) {
            postgres.close();
            Files.deleteIfExists(owner(DataDirectory.postgres(environment)));
        }
    }

    /** With the driver's server-side prepared statements: no transaction pooler stands between storefn and its own database. */
    private static DatabaseUrl local(int port) {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", "postgres", null);
    }

    /**
     * The port of the PostgreSQL already running on this data directory, for a command that may use it
     * ({@link #ATTACH}); a server may not, and is refused.
     */
    static OptionalInt sharedPort(Environment environment, Path directory) {
        OptionalInt running = runningPort(directory);
        if (running.isEmpty() || environment.getProperty(ATTACH, Boolean.class, false)) {
            return running;
        }
        if (ownerAlive(directory)) {
            throw new DataDirectoryInUseException(directory);
        }
        // The storefn that started it was killed (kill -9, a crash): its PostgreSQL lives on, orphaned. Stop
        // it cleanly and start afresh, so that a supervisor's restart brings the shop back.
        stopOrphan(directory);
        return OptionalInt.empty();
    }

    /** Whether the process that started this PostgreSQL still runs (the same process: its start time is recorded too). */
    private static boolean ownerAlive(Path directory) {
        try {
            String[] recorded = Files.readString(owner(directory)).strip().split(" ");
            return ProcessHandle.of(Long.parseLong(recorded[0])).filter(ProcessHandle::isAlive)
                    .map(process -> startOf(process).equals(recorded[1])).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void stopOrphan(Path directory) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return;
        }
        log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a storefn that was killed", postmaster);
        try {
            // SIGINT is PostgreSQL's fast shutdown: sessions end, the data is written out cleanly.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).inheritIO().start().waitFor();
            ProcessHandle.of(postmaster).ifPresent(process -> {
                try {
                    process.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("The orphaned PostgreSQL (pid " + postmaster + ") did not stop within "
                            + ORPHAN_STOP_TIMEOUT.toSeconds() + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the orphaned PostgreSQL (pid " + postmaster + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Who started the PostgreSQL of this data directory: pid and start time of that process. */
    private static Path owner(Path directory) {
        return directory.resolveSibling("postgres.owner");
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(instant -> Long.toString(instant.toEpochMilli())).orElse("unknown");
    }

    /** The port of a live postmaster on this data directory: {@code postmaster.pid} holds its pid (line 1) and port (line 4). */
    public static OptionalInt runningPort(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            if (lines.size() >= 4 && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false)) {
                return OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
            }
        } catch (IOException | NumberFormatException e) {
            // No readable pid file: nothing is running there.
        }
        return OptionalInt.empty();
    }
}
