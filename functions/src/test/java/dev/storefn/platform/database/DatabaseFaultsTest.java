package dev.storefn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.storefn.Storefn;
import dev.storefn.platform.dispatch.Dispatcher;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.Invariants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under a load of order creation, on a PostgreSQL of this test's own: restarted, and
 * stalled (every server process stopped with SIGSTOP). While it is away every answer is a 503 JSON within
 * seconds; once it is back storefn recovers by itself; and no order acknowledged with a 2xx is missing.
 */
class DatabaseFaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOPPERS = 6;

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext storefn;
    private Dispatcher dispatcher;
    private JdbcClient jdbc;
    private long product;

    /** One answer of the load: when it was asked, how long it took, what it said. */
    private record Outcome(long startedNanos, long tookMillis, int status, String body) {
    }

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private ExecutorService load;

    @BeforeEach
    void shop() throws IOException {
        dataDirectory = Files.createTempDirectory("storefn-faults-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = start();
        storefn = new SpringApplicationBuilder(Storefn.class).web(WebApplicationType.NONE)
                .run("--DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres",
                        "--SECRET_KEY=storefn-faults-secret-key-0123456789abcdef", "--MEDIA_ROOT=" + dataDirectory.resolve("media"),
                        // The load is one cash-on-delivery order after another per account, never paid.
                        "--UNPAID_ORDERS_PER_ACCOUNT=1000000", "--UNPAID_UNITS_PER_PRODUCT=1000000");
        dispatcher = storefn.getBean(Dispatcher.class);
        jdbc = storefn.getBean(JdbcClient.class);
        product = jdbc.sql("INSERT INTO products (name, price, category, description, stock) VALUES ('Fault Tee', 10, 'men', 'x', 100000)"
                + " RETURNING id").query(Long.class).single();
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.resolve("pg")).setCleanDataDirectory(false).start();
    }

    @AfterEach
    void stop() throws IOException {
        loading.set(false);
        if (load != null) {
            load.shutdownNow();
        }
        if (storefn != null) {
            storefn.close();
        }
        postgres.close();
        // Each run's PostgreSQL data (about 40 MB) would otherwise stay in the temporary directory.
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
    }

    private WireResponse send(String method, String path, String body, String token, String client) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        if (token != null) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
        return dispatcher.dispatch(new WireRequest(method, path, Map.of(), headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                client));
    }

    /**
     * Shoppers placing cash-on-delivery orders as fast as they are answered, until the test ends. They sign up
     * one after another first: at once, some would be told to come back while others' passwords are hashed.
     */
    private void startLoad() {
        load = Executors.newFixedThreadPool(SHOPPERS);
        for (int i = 1; i <= SHOPPERS; i++) {
            String client = "198.18.9." + i;
            WireResponse registered = send("POST", "/api/register/", "{\"email\": \"shopper" + i + "@example.com\","
                    + " \"password\": \"a long password\"}", null, client);
            assertThat(registered.status()).as(new String(registered.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            String token = JSON.readTree(registered.body()).get("access").asString();
            load.submit(() -> {
                String order = "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + product + ", \"quantity\": 1}], \"address\": {"
                        + "\"full_name\": \"Ada\", \"phone\": \"9876543210\", \"street\": \"12 Row\", \"city\": \"Pune\", \"pincode\": \"411001\"}}";
                while (loading.get()) {
                    long started = System.nanoTime();
                    WireResponse answer = send("POST", "/api/orders/create/", order, token, client);
                    String body = new String(answer.body(), StandardCharsets.UTF_8);
                    outcomes.add(new Outcome(started, (System.nanoTime() - started) / 1_000_000, answer.status(), body));
                    if (answer.status() == 200) {
                        acknowledged.add(JSON.readTree(body).get("order_id").asLong());
                    }
                }
                return null;
            });
        }
    }

    private List<Outcome> between(long fromNanos, long toNanos) {
        return outcomes.stream().filter(o -> o.startedNanos() >= fromNanos && o.startedNanos() < toNanos).toList();
    }

    /** Waits until an order is acknowledged that was asked after {@code sinceNanos}; the time that took. */
    private Duration untilAnOrderIsTaken(long sinceNanos, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (outcomes.stream().anyMatch(o -> o.startedNanos() >= sinceNanos && o.status() == 200)) {
                return Duration.ofNanos(System.nanoTime() - sinceNanos);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no order was taken within " + limit + " of the database's return");
    }

    private void assertUnavailableAnswers(List<Outcome> whileAway, long maxMillis) {
        assertThat(whileAway).isNotEmpty();
        for (Outcome outcome : whileAway) {
            assertThat(outcome.status()).as(outcome.body()).isEqualTo(503);
            JsonNode body = JSON.readTree(outcome.body());
            assertThat(body.get("detail").asString()).isEqualTo("Service temporarily unavailable.");
            assertThat(outcome.tookMillis()).as("answered within %d ms", maxMillis).isLessThanOrEqualTo(maxMillis);
        }
    }

    /** Every order the load was told it has exists, whole; stock and totals agree. */
    private void assertNothingAcknowledgedIsLost() {
        loading.set(false);
        load.shutdown();
        assertThat(acknowledged).isNotEmpty();
        List<Long> missing = new ArrayList<>();
        for (long id : acknowledged) {
            long lines = jdbc.sql("SELECT count(*) FROM order_items WHERE order_id = ?").param(id).query(Long.class).single();
            if (lines != 1) {
                missing.add(id);
            }
        }
        assertThat(missing).as("acknowledged orders missing or half-written").isEmpty();
        Invariants.assertHold(jdbc);
    }

    @Test
    void aRestartedDatabaseIsAnswered503WithinThreeSecondsAndRecoveredWithinFiveAndNoOrderIsLost() throws Exception {
        startLoad();
        untilAnOrderIsTaken(System.nanoTime(), Duration.ofSeconds(20));

        postgres.close();
        long down = System.nanoTime();
        Thread.sleep(6_000);
        long up = System.nanoTime();
        postgres = start();
        long ready = System.nanoTime();
        // Hikari retries a failing connection with a back-off that doubles up to 5 s, so the first order after
        // the return can wait that long (measured and reported; the bound here leaves room for a slow machine).
        Duration recovered = untilAnOrderIsTaken(ready, Duration.ofSeconds(8));

        // Requests asked while it was down, after the ones in flight at the stop had been refused.
        assertUnavailableAnswers(between(down + TimeUnit.MILLISECONDS.toNanos(500), up - TimeUnit.MILLISECONDS.toNanos(3_000)), 3_000);
        System.out.printf("database restart: %d answers while down, recovered %d ms after it accepted connections again%n",
                between(down, ready).size(), recovered.toMillis());
        assertNothingAcknowledgedIsLost();
    }

    @Test
    void aStalledDatabaseIsAnswered503WithoutWedgingThePool() throws Exception {
        startLoad();
        untilAnOrderIsTaken(System.nanoTime(), Duration.ofSeconds(20));

        // The postmaster first: stopped, it forks no new server process between the listing and the signal.
        long postmaster = postmaster();
        signal("STOP", List.of(postmaster));
        List<Long> processes = postgresProcesses(postmaster);
        signal("STOP", processes);
        long stalled = System.nanoTime();
        Thread.sleep(12_000);
        long resumed = System.nanoTime();
        signal("CONT", processes);
        Duration recovered = untilAnOrderIsTaken(resumed, Duration.ofSeconds(8));

        // A statement in flight at the stall waits out the driver's 5 s read limit; everything asked later
        // finds the pool's connections busy or dead and is refused when its 2.5 s wait for one ends.
        assertUnavailableAnswers(between(stalled, resumed - TimeUnit.MILLISECONDS.toNanos(6_000)), 6_000);
        System.out.printf("database stall: %d answers while stalled, recovered %d ms after it resumed%n",
                between(stalled, resumed).size(), recovered.toMillis());
        assertNothingAcknowledgedIsLost();
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("pg").resolve("postmaster.pid")).get(0).strip());
    }

    /** The postmaster and every server process under it. */
    private static List<Long> postgresProcesses(long postmaster) {
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }
}
