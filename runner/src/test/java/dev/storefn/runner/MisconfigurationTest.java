package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.storefn.runner.cli.Main;

/**
 * An operator's first mistakes, each made for real: storefn run as a process with the bad setting, against a real
 * PostgreSQL that wants passwords and, for one user, TLS. Each failure ends in one line naming what is wrong and
 * what to set, with a non-zero exit and no stack trace; {@code --debug} shows the trace. And the one setting for
 * logs a journal or CloudWatch indexes.
 */
class MisconfigurationTest {

    private static final String KEY = "a-secret-key-of-forty-characters-or-so-1234";
    private static EmbeddedPostgres postgres;
    private static ServerSocket notPostgres;

    @TempDir
    Path temporary;

    @BeforeAll
    static void aDatabaseThatWantsPasswordsAndOneUserThatWantsTls(@TempDir Path directory) throws Exception {
        Path hba = Files.writeString(directory.resolve("pg_hba.conf"), String.join("\n",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "hostnossl all secure 127.0.0.1/32 reject",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("hba_file", hba.toString()).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE shop LOGIN PASSWORD 'right'");
            statement.execute("ALTER SCHEMA public OWNER TO shop");
            statement.execute("CREATE ROLE secure LOGIN PASSWORD 'right'");
        }
        // Something on a port that answers, but not as PostgreSQL does.
        notPostgres = new ServerSocket(0);
        Thread answering = new Thread(() -> {
            while (!notPostgres.isClosed()) {
                try (Socket client = notPostgres.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "not-postgres");
        answering.setDaemon(true);
        answering.start();
    }

    @AfterAll
    static void stop() throws IOException {
        notPostgres.close();
        postgres.close();
    }

    private static String database(String user, String query) {
        return "postgresql://" + user + "@127.0.0.1:" + postgres.getPort() + "/postgres" + query;
    }

    /** What the process printed, and how it exited. */
    private record Run(int exit, String output) {

        String lastLine() {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Run run(Map<String, String> settings, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = temporary.resolve("output-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("STOREFN_DATA_DIR", temporary.resolve("data").toString());
        builder.environment().putAll(settings);
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }

    private void assertOneLine(Run run, String expected) {
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.lastLine()).as(run.output()).startsWith("storefn: " + expected);
        assertThat(run.output()).as("no stack trace").doesNotContain("\tat ", "Caused by", "APPLICATION FAILED TO START");
    }

    @Test
    void eachMistakeEndsInOneLineSayingWhatToSet() throws Exception {
        Map<Map<String, String>, String> mistakes = new LinkedHashMap<>();
        String reachable = database("shop:right", "?sslmode=disable");
        mistakes.put(Map.of("DATABASE_URL", reachable), "SECRET_KEY is not set: set it to 32 or more random characters");
        mistakes.put(Map.of("DATABASE_URL", reachable, "SECRET_KEY", "short"), "SECRET_KEY is too short (5 bytes): set it to 32");
        mistakes.put(Map.of("DATABASE_URL", "mysql://shop@db/shop", "SECRET_KEY", KEY), "DATABASE_URL must start with postgresql://");
        mistakes.put(Map.of("DATABASE_URL", "postgresql://shop:50%off@db/shop", "SECRET_KEY", KEY), "DATABASE_URL is not a valid URL: percent-encode");
        mistakes.put(Map.of("DATABASE_URL", database("shop:wrong", "?sslmode=disable"), "SECRET_KEY", KEY),
                "The database refused the password in DATABASE_URL");
        mistakes.put(Map.of("DATABASE_URL", reachable.replace("/postgres?", "/shop?"), "SECRET_KEY", KEY),
                "The database named in DATABASE_URL does not exist");
        mistakes.put(Map.of("DATABASE_URL", database("secure:right", "?sslmode=disable"), "SECRET_KEY", KEY),
                "The database accepts only encrypted connections: add ?sslmode=require to DATABASE_URL.");
        mistakes.put(Map.of("DATABASE_URL", database("shop:right", "?sslmode=require"), "SECRET_KEY", KEY),
                "The database does not offer TLS");
        mistakes.put(Map.of("DATABASE_URL", "postgresql://shop:right@127.0.0.1:1/shop?sslmode=disable", "SECRET_KEY", KEY),
                "Nothing answers at the database's address");
        mistakes.put(Map.of("DATABASE_URL", "postgresql://shop:right@127.0.0.1:" + notPostgres.getLocalPort() + "/shop?sslmode=disable",
                "SECRET_KEY", KEY), "What answers at the address in DATABASE_URL does not speak PostgreSQL");
        mistakes.put(Map.of("DATABASE_URL", reachable, "SECRET_KEY", KEY, "STRIPE_SECRET_KEY", "sk_test_x"),
                "STRIPE_SECRET_KEY is set without STRIPE_WEBHOOK_SECRET");
        mistakes.put(Map.of("DATABASE_URL", reachable, "SECRET_KEY", KEY, "STRIPE_SECRET_KEY", "pk_test_x", "STRIPE_WEBHOOK_SECRET", "whsec_x"),
                "STRIPE_SECRET_KEY is not a secret key");
        mistakes.put(Map.of("DATABASE_URL", reachable, "SECRET_KEY", KEY, "CLOUDINARY_CLOUD_NAME", "shop"),
                "Cloudinary is configured in part");
        mistakes.put(Map.of("DATABASE_URL", "postgresql://shop:right@db.example.com/shop", "SECRET_KEY", KEY),
                "DATABASE_URL's host db.example.com is not known");
        mistakes.put(Map.of("DATABASE_URL", reachable, "SECRET_KEY", KEY, "LOG_FORMAT", "xml"), "LOG_FORMAT is text or json, not xml");
        // A few at a time: each is a JVM starting Spring, most of a test's time.
        ExecutorService runs = Executors.newFixedThreadPool(3);
        try {
            Map<Map.Entry<Map<String, String>, String>, Future<Run>> started = new LinkedHashMap<>();
            for (Map.Entry<Map<String, String>, String> mistake : mistakes.entrySet()) {
                started.put(mistake, runs.submit(() -> run(mistake.getKey(), "migrate")));
            }
            for (Map.Entry<Map.Entry<Map<String, String>, String>, Future<Run>> run : started.entrySet()) {
                Run finished = run.getValue().get();
                assertOneLine(finished, run.getKey().getValue());
                // What an operator sees, for the record: the settings (the key's value aside) and the one line.
                Map<String, String> shown = new java.util.TreeMap<>(run.getKey().getKey());
                shown.computeIfPresent("SECRET_KEY", (name, value) -> value.equals(KEY) ? "(good)" : value);
                System.out.println("misconfigured " + shown + " -> " + finished.lastLine());
            }
        } finally {
            runs.shutdownNow();
        }
    }

    @Test
    void migrateSaysWhatItAppliedAndThenThatNothingWasLeft() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE fresh OWNER shop");
        }
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("..", "functions", "src", "main", "resources", "db", "migration"))) {
            migrations = files.filter(file -> file.getFileName().toString().matches("V[0-9]+__.*\\.sql")).count();
        }
        Map<String, String> settings = Map.of("DATABASE_URL", database("shop:right", "?sslmode=disable").replace("/postgres?", "/fresh?"),
                "SECRET_KEY", KEY);

        Run first = run(settings, "migrate");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.lastLine()).startsWith("Applied " + migrations + " migrations (1 ")
                .endsWith("): the database schema is at version " + migrations + ".");
        Run again = run(settings, "migrate");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.lastLine()).isEqualTo("The database schema is at version " + migrations + ": no migration to apply.");
    }

    @Test
    void logFormatJsonWritesEveryLogLineAsJsonAndARequestsLinesCarryItsId() throws Exception {
        Path event = Files.writeString(temporary.resolve("health.json"), "{\"version\": \"2.0\", \"routeKey\": \"$default\","
                + " \"rawPath\": \"/health/\", \"rawQueryString\": \"\", \"headers\": {}, \"requestContext\": {\"http\": {\"method\": \"GET\","
                + " \"path\": \"/health/\", \"sourceIp\": \"198.51.100.7\"}}, \"isBase64Encoded\": false}");
        Run invoked = run(Map.of("DATABASE_URL", database("shop:right", "?sslmode=disable"), "SECRET_KEY", KEY, "LOG_FORMAT", "json"),
                "invoke", "--event", event.toString());
        assertThat(invoked.exit()).as(invoked.output()).isZero();
        // Every line is one JSON object (the log lines, and last the answer the command prints), but for the one the
        // Lambda adapter writes while it looks for the main class, before Spring Boot has set logging up.
        List<String> lines = invoked.output().lines().filter(line -> !line.isBlank())
                .filter(line -> !line.matches("[0-9:.]{12} \\[main\\] INFO org\\.springframework\\.cloud\\.function\\.utils\\.FunctionClassUtils .*"))
                .toList();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        List<tools.jackson.databind.JsonNode> parsed = lines.stream().map(json::readTree).toList();
        tools.jackson.databind.JsonNode access = parsed.stream().filter(line -> line.path("message").asString("").startsWith("access "))
                .findFirst().orElseThrow(() -> new AssertionError("no access line in " + invoked.output()));
        assertThat(access.get("request_id").asString()).matches("[0-9a-f]{16}");
        assertThat(access.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(parsed).anySatisfy(answer -> assertThat(answer.path("statusCode").asInt()).isEqualTo(200));
    }

    @Test
    void aPortInUseIsOneLineAndDebugShowsTheTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = Map.of("DATABASE_URL", database("shop:right", "?sslmode=disable"), "SECRET_KEY", KEY,
                    "PORT", Integer.toString(taken.getLocalPort()));
            Run serve = run(settings, "serve");
            assertOneLine(serve, "Port " + taken.getLocalPort() + " is already in use: stop what listens on it,"
                    + " or set PORT to another port.");
            System.out.println("misconfigured {PORT=(in use)} -> " + serve.lastLine());
        }
        Run debug = run(Map.of("DATABASE_URL", database("shop:wrong", "?sslmode=disable"), "SECRET_KEY", KEY), "migrate", "--debug");
        assertThat(debug.exit()).isNotZero();
        assertThat(debug.output()).contains("storefn: The database refused the password", "\tat ", "password authentication failed");
    }
}
