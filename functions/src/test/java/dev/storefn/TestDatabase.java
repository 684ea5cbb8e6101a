package dev.storefn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real, embedded PostgreSQL per test JVM. Every Spring context a test starts (including the fresh
 * ones {@code FunctionInvoker} boots) finds it through {@code DATABASE_URL}, and a temporary media root
 * through {@code MEDIA_ROOT}.
 *
 * <p>With {@code -Dstorefn.pooler=pgbouncer} every connection goes through PgBouncer in transaction mode
 * in front of it, as through Supabase's pooler on port 6543: each transaction may get another server
 * connection, so nothing may rely on session state. The build runs the suite that way too.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static String url;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
                url = "pgbouncer".equals(System.getProperty("storefn.pooler")) ? PgBouncer.inFrontOf(postgres.getPort())
                        : postgres.getJdbcUrl("postgres", "postgres");
                // Uploaded images land in a directory of the test's own, never in functions/data.
                System.setProperty("MEDIA_ROOT", removedAtExit(Files.createTempDirectory("storefn-test-media"), () -> { }).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("DATABASE_URL", url);
            // Tests sign with a fixed key; production refuses to start without SECRET_KEY.
            System.setProperty("SECRET_KEY", "storefn-test-secret-key-0123456789abcdef");
        }
        return url;
    }

    /** Removes {@code directory} and what is in it when the test JVM exits, after {@code first}. */
    private static Path removedAtExit(Path directory, Runnable first) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            first.run();
            try {
                FileSystemUtils.deleteRecursively(directory);
            } catch (IOException e) {
                System.err.println("could not remove " + directory + ": " + e);
            }
        }));
        return directory;
    }

    /** PgBouncer from the system's packages (installed when missing, as the deploy tests install nginx). */
    private static final class PgBouncer {

        static String inFrontOf(int postgresPort) throws IOException {
            if (!Files.isExecutable(Path.of("/usr/sbin/pgbouncer"))) {
                List<String> sudo = isRoot() ? List.of() : List.of("sudo");
                run(concat(sudo, List.of("apt-get", "update", "-q")));
                run(concat(sudo, List.of("apt-get", "install", "-y", "-q", "pgbouncer")));
            }
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path directory = Files.createTempDirectory("storefn-pgbouncer");
            Files.writeString(directory.resolve("users.txt"), "\"postgres\" \"\"\n");
            Path ini = Files.writeString(directory.resolve("pgbouncer.ini"), """
                    [databases]
                    postgres = host=127.0.0.1 port=%d dbname=postgres
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    pool_mode = transaction
                    max_client_conn = 1000
                    default_pool_size = 40
                    ignore_startup_parameters = extra_float_digits
                    logfile = %s
                    pidfile = %s
                    """.formatted(postgresPort, port, directory.resolve("users.txt"), directory.resolve("pgbouncer.log"),
                    directory.resolve("pgbouncer.pid")));
            // PgBouncer refuses to run as root; the test directory is handed to an unprivileged user.
            List<String> command = isRoot() ? List.of("runuser", "-u", "nobody", "--", "/usr/sbin/pgbouncer", ini.toString())
                    : List.of("/usr/sbin/pgbouncer", ini.toString());
            if (isRoot()) {
                run(List.of("chown", "-R", "nobody", directory.toString()));
            }
            Process pgbouncer = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
            removedAtExit(directory, () -> {
                pgbouncer.destroy();
                pgbouncer.onExit().join();
            });
            awaitListening(port, pgbouncer, directory);
            // A port of its own, which storefn cannot tell from a database's: the URL says pgbouncer, as a shop's would.
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&pgbouncer=true";
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            return all;
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void awaitListening(int port, Process pgbouncer, Path directory) throws IOException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (!pgbouncer.isAlive()) {
                    throw new IllegalStateException("PgBouncer exited: " + Files.readString(directory.resolve("stdout.log")));
                }
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    sleep();
                }
            }
            throw new IllegalStateException("PgBouncer did not listen on " + port);
        }

        private static void run(List<String> command) throws IOException {
            try {
                int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with " + exit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
