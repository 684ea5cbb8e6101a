package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.storefn.runner.cli.Main;
import dev.storefn.devtools.database.EmbeddedPostgresDatabase;

/** Two storefn processes, real JVMs started from Main, on one data directory: the second refuses in one line. */
class DataDirectoryInUseTest {

    @TempDir
    Path temporary;

    private final List<Process> started = new ArrayList<>();

    private Path dataDirectory() {
        return temporary.resolve("data");
    }

    private Process storefn(String name, int port, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temporary.resolve(name + ".out").toFile())
                .redirectError(temporary.resolve(name + ".err").toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("SECRET_KEY");
        builder.environment().put("STOREFN_DATA_DIR", dataDirectory().toString());
        builder.environment().put("PORT", Integer.toString(port));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String output(String name, String stream) throws IOException {
        return Files.readString(temporary.resolve(name + "." + stream), StandardCharsets.UTF_8);
    }

    @Test
    void aSecondStorefnOnADataDirectoryInUseExitsWithOneLineAndNoStackTrace() throws Exception {
        int firstPort = freePort();
        // A Spring Boot property on the command line overrides PORT: it reached Spring.
        Process first = storefn("first", freePort(), "serve", "--server.port=" + firstPort);
        awaitHealthy(first, firstPort);
        assertThat(output("first", "out")).contains("Starting the embedded PostgreSQL in " + dataDirectory().resolve("postgres"))
                .as("initdb's and the postmaster's chatter is at DEBUG").doesNotContain("The files belonging to this database system",
                        "postmaster started", "waiting for server to start");

        Process second = storefn("second", freePort());
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second storefn exited").isTrue();
        String err = output("second", "err");
        assertThat(second.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("already running on " + dataDirectory().resolve("postgres")).doesNotContain("\tat ");
        assertThat(err.lines()).as(err).hasSize(1);
        assertThat(output("second", "out")).doesNotContain("\tat ");

        assertThat(health(firstPort)).as("the first storefn still serves").isEqualTo(200);
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the first storefn stopped on SIGTERM").isTrue();
        assertThat(EmbeddedPostgresDatabase.runningPort(dataDirectory().resolve("postgres"))).as("its PostgreSQL stopped too").isEmpty();
    }

    @AfterEach
    void stopWhatIsStillRunning() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        // A storefn killed before it stopped its PostgreSQL leaves the postmaster running.
        if (EmbeddedPostgresDatabase.runningPort(dataDirectory().resolve("postgres")).isPresent()) {
            postmaster().ifPresent(ProcessHandle::destroy);
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory().resolve("postgres/postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void awaitHealthy(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the first storefn is running").isTrue();
            if (health(port) == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("storefn did not answer /health/ on port " + port + " within 120 s");
    }

    private static int health(int port) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
