package dev.storefn.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;
import dev.storefn.runner.cli.Main;

/**
 * storefn as a process of its own, as the systemd unit starts it: the unit's JVM flags ({@code JAVA_OPTS}
 * of {@code deploy/storefn@.service}), this test JVM's classpath, {@code serve} on a data directory and port.
 */
final class StorefnProcess {

    private static final Pattern JAVA_OPTS = Pattern.compile("^Environment=\"JAVA_OPTS=([^\"]*)\"", Pattern.MULTILINE);

    private final Process process;
    private final Path log;

    private StorefnProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The unit's JVM flags, less the ones that name the box's paths. */
    static List<String> unitJvmFlags() throws IOException {
        Matcher flags = JAVA_OPTS.matcher(Files.readString(Path.of("..", "deploy", "storefn@.service")));
        if (!flags.find()) {
            throw new IllegalStateException("deploy/storefn@.service sets no JAVA_OPTS");
        }
        List<String> kept = new ArrayList<>();
        for (String flag : flags.group(1).split("\\s+")) {
            if (!flag.startsWith("-XX:ErrorFile")) {
                kept.add(flag);
            }
        }
        return kept;
    }

    /** Starts it and waits until {@code /health/} answers 200. */
    static StorefnProcess start(Path dataDirectory, int port, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(unitJvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        Path log = dataDirectory.resolve("storefn.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("STOREFN_DATA_DIR", dataDirectory.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        StorefnProcess started = new StorefnProcess(builder.start(), log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!started.process.isAlive()) {
                throw new AssertionError("storefn exited: " + started.log());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("storefn did not become healthy: " + started.log());
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A JSON request to the storefn on {@code port}, as from {@code client} through the local proxy, with a
     * bearer token when one is given; {@code headers}: name, value, name, value...
     */
    /** A request with a body of any type, such as a multipart form. */
    static HttpResponse<String> send(int port, String method, String path, byte[] body, String contentType, String token, String client)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(90))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType)
                .header("X-Forwarded-For", client).header("Authorization", "Bearer " + token).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(int port, String method, String path, String body, String token, String client, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Removes a test's data directory, first stopping the embedded PostgreSQL a storefn that died without
     * stopping it (kill -9, an out-of-memory exit) left running on it.
     */
    static void removeDataDirectory(Path dataDirectory) throws Exception {
        if (Files.exists(postmasterPid(dataDirectory))) {
            Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(postmasterLine(dataDirectory, 1)));
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    static Path postmasterPid(Path dataDirectory) {
        return dataDirectory.resolve("postgres").resolve("postmaster.pid");
    }

    /** Line {@code number} of postmaster.pid: 1 is the postmaster's pid, 4 the port it listens on. */
    private static String postmasterLine(Path dataDirectory, int number) throws IOException {
        return Files.readAllLines(postmasterPid(dataDirectory)).get(number - 1).strip();
    }

    /** The embedded PostgreSQL of a data directory, on the port its postmaster.pid names. */
    static JdbcClient database(Path dataDirectory) throws IOException {
        int port = Integer.parseInt(postmasterLine(dataDirectory, 4));
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", ""));
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** The resident set size of the whole JVM process, in kB (from /proc). */
    long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** SIGTERM, and the wait for the exit. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
