package dev.storefn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.storefn.MultipartBody;
import dev.storefn.TestImages;
import dev.storefn.testing.Invariants;
import tools.jackson.databind.json.JsonMapper;

/**
 * storefn as a process of its own on the embedded default, with the unit's JVM flags, under a load of orders: killed with SIGKILL and
 * started again by the test as a supervisor would (the embedded PostgreSQL the killed one left running is
 * taken over), and stopped with SIGTERM (in-flight requests finish, the process exits within the unit's stop
 * timeout). No order acknowledged with a 2xx is lost or half-written.
 */
class ProcessFaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The systemd unit's TimeoutStopSec. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final int SHOPPERS = 4;
    private static final int STOCK = 100_000;

    private Path dataDirectory;
    private int port;
    private Process storefn;
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private ExecutorService load;

    @BeforeEach
    void directory() throws IOException {
        dataDirectory = Files.createTempDirectory("storefn-process-faults");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        loading.set(false);
        if (load != null) {
            load.shutdownNow();
        }
        if (storefn != null && storefn.isAlive()) {
            storefn.destroy();
            storefn.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        StorefnProcess.removeDataDirectory(dataDirectory);
    }

    /** The load's few shoppers place unpaid orders without end: past what one account may hold in a shop. */
    static final Map<String, String> UNLIMITED_UNPAID = Map.of("UNPAID_ORDERS_PER_ACCOUNT", "100000000",
            "UNPAID_UNITS_PER_PRODUCT", "100000000");

    private Process start() throws Exception {
        return StorefnProcess.start(dataDirectory, port, UNLIMITED_UNPAID).process();
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String client)
            throws IOException, InterruptedException {
        return StorefnProcess.send(port, method, path, body, token, client);
    }

    private JdbcClient database() throws IOException {
        return StorefnProcess.database(dataDirectory);
    }

    private String shopper(int n) throws Exception {
        HttpResponse<String> registered = send("POST", "/api/register/", "{\"email\": \"shopper" + n + "@example.com\","
                + " \"password\": \"a long password\"}", null, "198.18.20." + n);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("access").asString();
    }

    /** Shoppers ordering one of {@code product} at a time until the test ends; the ids of the orders acknowledged. */
    private Set<Long> orderUntilStopped(List<String> tokens, long product) {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        load = Executors.newFixedThreadPool(tokens.size());
        String order = "{\"payment_method\": \"cod\", \"cart\": [{\"id\": " + product + ", \"quantity\": 1}], \"address\": {"
                + "\"full_name\": \"Ada\", \"phone\": \"9876543210\", \"street\": \"12 Row\", \"city\": \"Pune\", \"pincode\": \"411001\"}}";
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String client = "198.18.21." + i;
            load.submit(() -> {
                while (loading.get()) {
                    try {
                        HttpResponse<String> answer = send("POST", "/api/orders/create/", order, token, client);
                        if (answer.statusCode() == 200) {
                            acknowledged.add(JSON.readTree(answer.body()).get("order_id").asLong());
                        }
                    } catch (IOException down) {
                        Thread.sleep(50);
                    }
                }
                return null;
            });
        }
        return acknowledged;
    }

    @Test
    void parallelImageUploadsOfTheLargestSizeWithSignInsAreAllAnsweredAndTheProcessStays() throws Exception {
        storefn = start();
        String staff = shopper(1);
        database().sql("UPDATE users SET is_staff = true WHERE email = 'shopper1@example.com'").update();
        byte[] image = TestImages.noisyPng(8_000_000);
        List<Integer> uploads = new CopyOnWriteArrayList<>();
        List<Integer> signIns = new CopyOnWriteArrayList<>();
        load = Executors.newFixedThreadPool(10);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            sent.add(load.submit(() -> {
                MultipartBody form = new MultipartBody().field("name", "Upload Tee " + n).field("price", "10").field("stock", "1")
                        .field("description", "An upload burst tee").field("category", "men").file("image", "tee.png", "image/png", image);
                uploads.add(StorefnProcess.send(port, "POST", "/api/products/create/", form.bytes(), form.contentType(), staff,
                        "198.18.30." + n).statusCode());
                return null;
            }));
        }
        for (int i = 0; i < 4; i++) {
            int n = i;
            sent.add(load.submit(() -> {
                signIns.add(send("POST", "/api/login/", "{\"email\": \"shopper1@example.com\", \"password\": \"a long password\"}",
                        null, "198.18.31." + n).statusCode());
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get(120, TimeUnit.SECONDS);
        }
        // Before the uploads took turns, six of these ran the unit's heap out and the process exited.
        assertThat(storefn.isAlive()).as("storefn still running").isTrue();
        assertThat(uploads).hasSize(6).allMatch(status -> status == 201 || status == 503).contains(201);
        assertThat(signIns).hasSize(4).allMatch(status -> status == 200);
        assertThat(send("GET", "/api/products/", null, null, "198.18.32.1").statusCode()).isEqualTo(200);
        System.out.printf("six parallel 8 MB uploads and four sign-ins under the unit's heap: uploads %s, sign-ins %s%n", uploads, signIns);
    }

    @Test
    void aRefundWhoseProcessWasKilledBeforeStripeDidItIsMadeOnceAfterTheRestart() throws Exception {
        String secret = "whsec_storefn_kill";
        try (StripeStandIn stripe = new StripeStandIn()) {
            Map<String, String> settings = Map.of("STRIPE_SECRET_KEY", "sk_test_kill", "STRIPE_API_BASE", stripe.base(),
                    "STRIPE_WEBHOOK_SECRET", secret, "PROVIDER_TIMEOUT", "PT2S", "PROVIDER_RETRY_AFTER", "PT1S",
                    "STOREFN_JOBS_INTERVAL", "PT1S");
            storefn = StorefnProcess.start(dataDirectory, port, settings).process();
            String token = shopper(1);
            long product = database().sql("INSERT INTO products (name, price, category, description, stock) VALUES ('Refund Tee', 10,"
                    + " 'men', 'A tee for the refund kill test', 5) RETURNING id").query(Long.class).single();
            HttpResponse<String> created = send("POST", "/api/orders/create/", "{\"payment_method\": \"stripe\", \"cart\": [{\"id\": "
                    + product + ", \"quantity\": 1}], \"address\": {\"full_name\": \"Ada\", \"phone\": \"9876543210\","
                    + " \"street\": \"12 Row\", \"city\": \"Pune\", \"pincode\": \"411001\"}}", token, "198.18.40.1");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String url = JSON.readTree(created.body()).get("checkout_url").asString();
            String session = url.substring(url.lastIndexOf('/') + 1);
            long order = database().sql("SELECT id FROM orders WHERE stripe_session_id = ?").param(session).query(Long.class).single();
            stripe.pay(session);
            String paid = "{\"id\": \"evt_kill\", \"object\": \"event\", \"type\": \"checkout.session.completed\", \"data\": {\"object\":"
                    + " {\"id\": \"" + session + "\", \"object\": \"checkout.session\", \"payment_status\": \"paid\", \"amount_total\": 1000,"
                    + " \"currency\": \"inr\", \"payment_intent\": \"pi_kill\", \"metadata\": {\"order_id\": \"" + order + "\"}}}}";
            assertThat(StorefnProcess.send(port, "POST", "/api/orders/webhook/", paid, null, "198.18.40.2", "Stripe-Signature",
                    com.stripe.net.Webhook.Signature.generateSignatureHeader(paid, secret)).statusCode()).isEqualTo(200);

            stripe.hold("/v1/refunds");
            assertThat(send("POST", "/api/orders/" + order + "/cancel/", null, token, "198.18.40.3").statusCode()).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stripe.count("POST", "/v1/refunds") >= 1);
            // The cancel has committed and the refund is on its way: the process dies, and the call never reaches Stripe.
            storefn.destroyForcibly().waitFor();
            stripe.drop("/v1/refunds");
            assertThat(stripe.refundsMade()).isZero();

            long restarting = System.nanoTime();
            storefn = StorefnProcess.start(dataDirectory, port, settings).process();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    "refunded".equals(database().sql("SELECT refund_status FROM orders WHERE id = ?").param(order).query(String.class).single()));
            long refundedAfter = (System.nanoTime() - restarting) / 1_000_000;
            assertThat(stripe.refundsByKey.get("storefn-order-" + order + "-refund")).hasSize(1);
            assertThat(stripe.refundsMade()).isOne();
            Invariants.assertHold(database());
            System.out.printf("kill -9 between the cancel's commit and Stripe: refunded once, %d ms after the restart began%n",
                    refundedAfter);
        }
    }

    @Test
    void killedUnderLoadAndRestartedNoAcknowledgedOrderIsLostOrHalfWritten() throws Exception {
        storefn = start();
        long product = database().sql("INSERT INTO products (name, price, category, description, stock) VALUES ('Kill Tee', 10, 'men',"
                + " 'A tee for the kill test', ?) RETURNING id").param(STOCK).query(Long.class).single();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= SHOPPERS; i++) {
            tokens.add(shopper(i));
        }
        Set<Long> acknowledged = orderUntilStopped(tokens, product);
        Thread.sleep(2_000);
        int beforeTheKill = acknowledged.size();
        storefn.destroyForcibly().waitFor();

        // The supervisor (systemd's Restart=on-failure) starts it again on the same data directory.
        long restarting = System.nanoTime();
        storefn = start();
        long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
        int atTheRestart = acknowledged.size();
        Thread.sleep(1_500);
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged.size()).as("orders were taken before the kill and after the restart").isGreaterThan(atTheRestart);
        assertThat(beforeTheKill).isPositive();

        JdbcClient database = database();
        List<Long> missing = new ArrayList<>();
        for (long id : acknowledged) {
            if (database.sql("SELECT count(*) FROM order_items WHERE order_id = ?").param(id).query(Long.class).single() != 1) {
                missing.add(id);
            }
        }
        assertThat(missing).as("acknowledged orders missing or half-written").isEmpty();
        long ordered = database.sql("SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = ?").param(product)
                .query(Long.class).single();
        long stock = database.sql("SELECT stock FROM products WHERE id = ?").param(product).query(Long.class).single();
        assertThat(stock + ordered).as("stock matches the orders").isEqualTo(STOCK);
        Invariants.assertHold(database);
        System.out.printf("kill -9 under load: %d orders acknowledged (%d before the kill), restart to healthy %d ms, none lost%n",
                acknowledged.size(), beforeTheKill, restartMillis);
    }

    @Test
    void stoppedWithSigtermInFlightRequestsFinishAndTheProcessExitsInTime() throws Exception {
        storefn = start();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= SHOPPERS; i++) {
            tokens.add(shopper(i));
        }
        // Requests that are slow on purpose (a sign-in verifies an Argon2 hash), so some are in flight at the signal.
        record Attempt(long startedNanos, long endedNanos, int status, String failure) {
        }
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        load = Executors.newFixedThreadPool(8);
        AtomicInteger clients = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            load.submit(() -> {
                int subnet = 22 + clients.incrementAndGet();
                while (loading.get()) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> answer = send("POST", "/api/login/", "{\"email\": \"shopper1@example.com\","
                                + " \"password\": \"a long password\"}", null, "198.18." + subnet + "." + started % 250);
                        attempts.add(new Attempt(started, System.nanoTime(), answer.statusCode(), null));
                    } catch (IOException refused) {
                        attempts.add(new Attempt(started, System.nanoTime(), 0, refused.toString()));
                        Thread.sleep(20);
                    }
                }
                return null;
            });
        }
        Thread.sleep(1_500);
        long signalled = System.nanoTime();
        storefn.destroy();
        boolean exited = storefn.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long exitMillis = (System.nanoTime() - signalled) / 1_000_000;
        loading.set(false);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);

        assertThat(exited).as("exited within the unit's stop timeout").isTrue();
        assertThat(storefn.exitValue()).as("a clean stop").isIn(0, 143);
        List<Attempt> inFlight = attempts.stream()
                .filter(a -> a.startedNanos() < signalled - TimeUnit.MILLISECONDS.toNanos(20) && a.endedNanos() > signalled).toList();
        assertThat(inFlight).as("requests in flight at the signal").isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as(String.valueOf(a.failure())).isIn(200, 400, 429));
        assertThat(attempts).allSatisfy(a -> assertThat(a.status() / 100).as("never a failure answer").isNotEqualTo(5));
        List<Attempt> after = attempts.stream().filter(a -> a.startedNanos() > signalled + TimeUnit.SECONDS.toNanos(1)).toList();
        assertThat(after).as("later requests are refused at the door").allSatisfy(a -> assertThat(a.status()).isZero());
        System.out.printf("SIGTERM under load: %d requests in flight at the signal all answered, exit %d after %d ms%n",
                inFlight.size(), storefn.exitValue(), exitMillis);
    }
}
